import Foundation

/// Small text helpers shared by the extractors.
enum InlineText {
  /// Collapses runs of whitespace (newlines included) to single spaces and trims.
  static func collapse(_ text: some StringProtocol) -> String {
    var out = ""
    var pendingSpace = false
    for character in text {
      if character.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        out.append(character)
        pendingSpace = false
      }
    }
    return out
  }

  /// Lowercase words of letters and digits joined by single spaces: the form used to
  /// compare items and derive stable ids.
  static func normalisedWords(_ text: some StringProtocol) -> String {
    var words: [String] = []
    var word = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        word.append(character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.joined(separator: " ")
  }

  /// FNV-1a, 64 bits: a stable hash that does not change between runs or platforms.
  static func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// The words of a text, split on anything that is not a letter, digit, `@`, `-` or `_`.
  static func tokens(_ text: String) -> [Substring] {
    text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "@" || $0 == "-" || $0 == "_" || $0 == "#" || $0 == ".") })
  }
}
