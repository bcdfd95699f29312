import RetroCore

/// An Impact section with no numbers.
public struct ImpactNotQuantifiedRule: Rule {
  public static let description = RuleDescription(
    identifier: "impact_not_quantified", name: "Impact Not Quantified",
    description: "The Impact section gives no duration, count, percentage or money.",
    rationale: "'Some users were affected' cannot be compared across incidents; numbers set priorities.",
    severity: .warning,
    triggeringExamples: [RuleExample("# Outage\n\n↓## Impact\n\nSome users could not log in.\n")],
    nonTriggeringExamples: [
      RuleExample("# Outage\n\n## Impact\n\n12% of logins failed for 40 minutes.\n"),
      RuleExample("# Outage\n\n## Impact\n\nAbout two thousand users.\n"),
    ], tier: .optIn)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    context.report.sections.filter { $0.kind == .impact && !$0.body.isEmpty }.compactMap { section in
      TextSearch.hasQuantity(section.body) ? nil
        : Finding("The impact is not quantified; give a duration, a count, a percentage or money", line: section.range.start.line)
    }
  }
}
