import RetroCore

/// Phrase search over report text, shared by the wording rules.
enum TextSearch {
  /// The first of `phrases` in `line` as whole words (ASCII case-insensitive), with its
  /// 1-based byte column. Phrases are matched on bytes: this runs on every line of every file.
  static func find(_ phrases: [String], in line: Substring) -> (phrase: String, column: Int)? {
    let bytes = ByteSearch.lowercasedASCII(line)
    func isWord(_ byte: UInt8) -> Bool {
      (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || byte >= 0x80
    }
    var best: (String, Int)?
    for phrase in phrases {
      let needle = Array(phrase.lowercased().utf8)
      var start = 0
      while let found = ByteSearch.firstIndex(of: needle, in: bytes, from: start) {
        start = found + 1
        let wordStart = found == 0 || !isWord(bytes[found - 1])
        let end = found + needle.count
        let phraseEndsInWord = needle.last.map(isWord) ?? false
        // `lazy-loaded` is one word: a hyphen after the phrase continues it.
        let afterIsWord = end < bytes.count && (isWord(bytes[end]) || bytes[end] == 45)
        if wordStart && (!phraseEndsInWord || !afterIsWord) {
          if best.map({ found < $0.1 }) ?? true { best = (phrase, found) }
          break
        }
      }
    }
    return best.map { ($0.0, $0.1 + 1) }
  }

  /// True when `text` holds a number: digits or a number word.
  static func hasQuantity(_ text: String) -> Bool {
    if text.contains(where: { $0.isNumber }) { return true }
    let words = Set(TextSimilarity.words(text))
    let numberWords: Set<String> = [
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
      "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "half",
      "twenty", "thirty", "forty", "fifty", "sixty", "minute", "minutes", "hour", "hours", "percent",
    ]
    return !words.isDisjoint(with: numberWords)
  }

  /// The sentence-case list `A, B and C`.
  static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    if items.count == 1 { return last }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }
}
