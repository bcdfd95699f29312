import RetroCore

/// A Timeline section with no entries.
public struct TimelineEmptyRule: Rule {
  public static let description = RuleDescription(
    identifier: "timeline_empty", name: "Timeline Empty",
    description: "The Timeline section has no entries retro can read.",
    rationale: "The timeline is where time to detect and time to resolve come from, and where reviewers find the gaps.",
    severity: .warning,
    triggeringExamples: [RuleExample("# Outage\n\n↓## Timeline\n\nSee the status page.\n")],
    nonTriggeringExamples: [RuleExample("# Outage\n\n## Timeline\n\n- 10:00 paged\n")], tier: .optIn)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    guard context.report.timeline.isEmpty, let section = context.report.section(.timeline) else { return [] }
    return [Finding("The timeline has no entries; list events as '- 14:02 UTC: what happened'", line: section.range.start.line)]
  }
}
