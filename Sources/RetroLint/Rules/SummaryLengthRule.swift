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
    nonTriggeringExamples: [RuleExample("# Outage\n\n## Summary\n\nThe cache failed for ten minutes.\n")])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let limit = context.configuration.summaryMaxWords
    return context.report.sections.filter { $0.kind == .summary }.compactMap { section in
      let words = section.body.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) }.count
      guard words > limit else { return nil }
      return Finding("The summary has \(words) words, more than \(limit); keep the detail for the sections below", line: section.range.start.line)
    }
  }
}
