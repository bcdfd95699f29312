import RetroCore

/// Phrase search over report text, shared by the wording rules.
enum TextSearch {
  /// The first of `phrases` in `line` as whole words (case-insensitive), with its 1-based
  /// byte column.
  static func find(_ phrases: [String], in line: Substring) -> (phrase: String, column: Int)? {
    let lowered = line.lowercased()
    var best: (String, String.Index)?
    for phrase in phrases {
      var start = lowered.startIndex
      while let range = lowered.range(of: phrase, range: start..<lowered.endIndex) {
        start = range.upperBound
        let before = range.lowerBound == lowered.startIndex ? nil : lowered[lowered.index(before: range.lowerBound)]
        let after = range.upperBound == lowered.endIndex ? nil : lowered[range.upperBound]
        let wordStart = before.map { !($0.isLetter || $0.isNumber) } ?? true
        let phraseEndsInWord = phrase.last.map { $0.isLetter || $0.isNumber } ?? false
        // `lazy-loaded` is one word, not "lazy".
        let afterIsWord = after.map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false
        if wordStart && (!phraseEndsInWord || !afterIsWord) {
          if best.map({ range.lowerBound < $0.1 }) ?? true { best = (phrase, range.lowerBound) }
          break
        }
      }
    }
    guard let (phrase, index) = best else { return nil }
    return (phrase, lowered.utf8.distance(from: lowered.startIndex, to: index) + 1)
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
