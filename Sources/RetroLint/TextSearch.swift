import RetroCore

/// Text helpers shared by the wording rules (phrase search is `PhraseMatcher`).
enum TextSearch {
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
