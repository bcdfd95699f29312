/// How alike two short texts are, for matching action items that say the same thing in
/// other words.
public enum TextSimilarity {
  static let stopWords: Set<String> = [
    "a", "an", "the", "to", "of", "for", "and", "or", "in", "on", "at", "by", "with", "we", "our",
    "is", "be", "that", "this", "it", "so", "as", "from", "when", "all", "any", "more", "into",
  ]

  /// Lowercase words of letters and digits.
  public static func words(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
  }

  /// The meaningful words (stop words left out).
  public static func tokens(_ text: String) -> Set<String> {
    Set(words(text)).subtracting(stopWords)
  }

  /// Token-set similarity (Jaccard), 0 to 1.
  public static func similarity(_ a: String, _ b: String) -> Double {
    similarity(tokens(a), tokens(b))
  }

  public static func similarity(_ x: Set<String>, _ y: Set<String>) -> Double {
    guard !x.isEmpty || !y.isEmpty else { return 0 }
    return Double(x.intersection(y).count) / Double(x.union(y).count)
  }
}
