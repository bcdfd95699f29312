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
    text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
  }

  /// The meaningful words: stop words, owners (`@ana`), tickets (`OPS-1`, `#12`), numbers
  /// and dates left out, so two items match on what they say, not on who or when.
  public static func tokens(_ text: String) -> Set<String> {
    let kept = text.split(whereSeparator: { $0.isWhitespace }).filter { word in
      let trimmed = word.trimmingCharacters(in: .punctuationCharacters.subtracting(CharacterSet(charactersIn: "@#")))
      if trimmed.hasPrefix("@") || trimmed.hasPrefix("#") { return false }
      let parts = trimmed.split(separator: "-")
      if parts.count == 2, parts[0].allSatisfy({ $0.isUppercase || $0.isNumber }), parts[1].allSatisfy(\.isNumber) { return false }
      return true
    }.joined(separator: " ")
    return Set(words(kept).filter { !$0.allSatisfy(\.isNumber) && $0 != "due" }).subtracting(stopWords)
  }
}
