import RetroCore

/// A summary too long to be one.
public struct SummaryLengthRule: Rule {
  public static let description = RuleDescription(
    identifier: "summary_too_long", name: "Summary Too Long",
    description: "The summary has more words than the configured limit (150 by default).",
    rationale: "Most readers read only the summary; it should say what happened, the impact and the fix in a paragraph.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("# Outage\n\n↓## Summary\n\n" + String(repeating: "word ", count: 160) + "\n"),
    ],
    nonTriggeringExamples: [RuleExample("# Outage\n\n## Summary\n\nThe cache failed for ten minutes.\n")], tier: .optIn)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let limit = context.configuration.summaryMaxWords
    return context.report.sections.filter { $0.kind == .summary }.compactMap { section in
      let words = Self.wordCount(section.body)
      guard words > limit else { return nil }
      return Finding("The summary has \(words) words, more than \(limit); keep the detail for the sections below", line: section.range.start.line)
    }
  }

  /// Runs of non-space text with a letter in them. ASCII text is counted by bytes (its
  /// whitespace is tab to carriage return and space); any other goes by characters.
  static func wordCount(_ text: String) -> Int {
    let bytes = text.utf8
    guard !bytes.contains(where: { $0 >= 0x80 }) else {
      return text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) }.count
    }
    var count = 0
    var inWord = false
    var hasLetter = false
    for byte in bytes {
      if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
        if inWord && hasLetter { count += 1 }
        inWord = false
        hasLetter = false
      } else {
        inWord = true
        if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) { hasLetter = true }
      }
    }
    if inWord && hasLetter { count += 1 }
    return count
  }
}
