import Foundation

/// Small text helpers shared by the extractors.
enum InlineText {
  /// Collapses runs of whitespace (newlines and no-break spaces included) to single spaces
  /// and trims. Works on UTF-8 bytes: it runs on nearly every piece of text.
  static func collapse(_ text: some StringProtocol) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    var previousWasC2 = false
    for byte in text.utf8 {
      if previousWasC2 {
        previousWasC2 = false
        if byte == 0xA0 {  // U+00A0 no-break space
          pendingSpace = !out.isEmpty
          continue
        }
        if pendingSpace { out.append(0x20) }
        pendingSpace = false
        out.append(0xC2)
      }
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
        pendingSpace = !out.isEmpty
      case 0xC2:
        previousWasC2 = true
      default:
        if pendingSpace { out.append(0x20) }
        out.append(byte)
        pendingSpace = false
      }
    }
    if previousWasC2 {
      if pendingSpace { out.append(0x20) }
      out.append(0xC2)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The lines of a text (LF), split on bytes rather than characters.
  static func lines(_ text: String) -> [Substring] {
    text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
  }

  /// Lowercase words of letters and digits joined by single spaces: the form used to
  /// compare items and derive stable ids.
  static func normalisedWords(_ text: some StringProtocol) -> String {
    var words: [String] = []
    var word = ""
    for character in text.lowercased() {
      if character.isLetterFast || character.isNumberFast {
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
    text.split(whereSeparator: { !($0.isLetterFast || $0.isNumberFast || $0 == "@" || $0 == "-" || $0 == "_" || $0 == "#" || $0 == ".") })
  }
}
