import Foundation

/// The words of a short text that say what it is about, for matching action items that say
/// the same thing in other words (`SimilarityIndex` compares them).
public enum TextSimilarity {
  static let stopWords: Set<String> = [
    "a", "an", "the", "to", "of", "for", "and", "or", "in", "on", "at", "by", "with", "we", "our",
    "is", "be", "that", "this", "it", "so", "as", "from", "when", "all", "any", "more", "into",
  ]

  /// Lowercase words of letters and digits.
  public static func words(_ text: String) -> [String] {
    // By bytes: an ASCII byte that is not a letter or digit always separates words (no
    // character straddles it), so text is cut there, ASCII runs are lowercased as bytes, and
    // only a run holding other bytes (`Zürich`, `don’t`) goes through characters.
    let bytes = Array(text.utf8)
    var words: [String] = []
    var start = 0
    while start < bytes.count {
      while start < bytes.count, bytes[start] < 0x80, !isASCIIAlphanumeric(bytes[start]) { start += 1 }
      var end = start
      var ascii = true
      while end < bytes.count, bytes[end] >= 0x80 || isASCIIAlphanumeric(bytes[end]) {
        if bytes[end] >= 0x80 { ascii = false }
        end += 1
      }
      guard end > start else { break }
      if ascii {
        words.append(String(decoding: bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self))
      } else {
        let run = String(decoding: bytes[start..<end], as: UTF8.self)
        words += run.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
      }
      start = end
    }
    return words
  }

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private static let punctuationButMarks = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "@#"))

  /// The tokens of each text, each distinct text read once: the same promise is usually
  /// written the same way in many reports.
  public static func tokenSets(_ texts: [String]) -> [Set<String>] {
    var known: [String: Set<String>] = [:]
    return texts.map { text in
      if let tokens = known[text] { return tokens }
      let tokens = tokens(text)
      known[text] = tokens
      return tokens
    }
  }

  /// The meaningful words: stop words, owners (`@ana`), tickets (`OPS-1`, `#12`), numbers
  /// and dates left out, so two items match on what they say, not on who or when.
  public static func tokens(_ text: String) -> Set<String> {
    asciiTokens(text) ?? unicodeTokens(text)
  }

  /// `tokens` for any text, by characters.
  static func unicodeTokens(_ text: String) -> Set<String> {
    let kept = text.split(whereSeparator: { $0.isWhitespace }).filter { word in
      let trimmed = word.trimmingCharacters(in: punctuationButMarks)
      if trimmed.hasPrefix("@") || trimmed.hasPrefix("#") { return false }
      let parts = trimmed.split(separator: "-")
      if parts.count == 2, parts[0].allSatisfy({ $0.isUppercase || $0.isNumber }), parts[1].allSatisfy(\.isNumber) { return false }
      return true
    }.joined(separator: " ")
    return Set(words(kept).filter { !$0.allSatisfy(\.isNumber) && $0 != "due" }).subtracting(stopWords)
  }

  /// ASCII punctuation in Unicode's sense (categories P*), `@` and `#` left out: what
  /// `punctuationButMarks` holds below U+0080. `$ + < = > ^ | ~` and the backquote are
  /// symbols, not punctuation.
  private static let asciiPunctuation: [Bool] = (0..<128).map { Array("!\"%&'()*,-./:;?[\\]_{}".utf8).contains(UInt8($0)) }

  /// `tokens` for ASCII text, by bytes: the same steps without Foundation or grapheme
  /// breaking. nil when the text is not all ASCII.
  static func asciiTokens(_ text: String) -> Set<String>? {
    let bytes = Array(text.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isUpper(b) || (b >= 0x61 && b <= 0x7A) }
    var result = Set<String>()
    var index = 0
    while index < bytes.count {
      while index < bytes.count, isSpace(bytes[index]) { index += 1 }
      var end = index
      while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
      guard end > index else { break }
      // The word without punctuation at its ends.
      var start = index
      var stop = end
      index = end
      while start < stop, asciiPunctuation[Int(bytes[start])] { start += 1 }
      while stop > start, asciiPunctuation[Int(bytes[stop - 1])] { stop -= 1 }
      if start < stop, bytes[start] == 0x40 || bytes[start] == 0x23 { continue }  // @owner, #12
      // `ABC-123`: two parts (empty ones dropped), capitals and digits, then digits.
      let parts = bytes[start..<stop].split(separator: 0x2D)
      if parts.count == 2, parts[0].allSatisfy({ isUpper($0) || isDigit($0) }), parts[1].allSatisfy(isDigit) { continue }
      // Its words of letters and digits, lowercased.
      var wordStart = start
      while wordStart < stop {
        while wordStart < stop, !isAlnum(bytes[wordStart]) { wordStart += 1 }
        var wordEnd = wordStart
        while wordEnd < stop, isAlnum(bytes[wordEnd]) { wordEnd += 1 }
        if wordEnd > wordStart, !bytes[wordStart..<wordEnd].allSatisfy(isDigit) {
          let word = String(decoding: bytes[wordStart..<wordEnd].map { isUpper($0) ? $0 + 32 : $0 }, as: UTF8.self)
          if word != "due" && !stopWords.contains(word) { result.insert(word) }
        }
        wordStart = wordEnd
      }
    }
    return result
  }
}
