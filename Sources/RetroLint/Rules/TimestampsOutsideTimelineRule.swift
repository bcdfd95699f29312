import RetroCore

/// Timestamped lines in a report that has no Timeline section.
public struct TimestampsOutsideTimelineRule: Rule {
  public static let description = RuleDescription(
    identifier: "timestamps_outside_timeline", name: "Timestamps Outside Timeline",
    description: "Lines that look like timeline entries sit outside any Timeline section.",
    rationale: "A pasted or restructured report often loses its Timeline heading; the entries are there but no tool sees them as a timeline.",
    severity: .warning,
    triggeringExamples: [RuleExample("# Outage\n\n## Root causes\n\nA bad deploy.\n\n↓- 18:45: deploy started\n- 19:45: paged\n")],
    nonTriggeringExamples: [RuleExample("# Outage\n\n## Timeline\n\n- 18:45: deploy started\n- 19:45: paged\n")], tier: .optIn)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let report = context.report
    guard !report.has(.timeline), let first = report.timeline.first else { return [] }
    let lines = report.timeline.map { String($0.line) }
    let shown = lines.count > 6 ? Array(lines.prefix(6)) + ["more"] : lines
    return [
      Finding(
        "Lines \(TextSearch.list(shown)) look like timeline entries but the report has no Timeline section; put them under '## Timeline'",
        line: first.line)
    ]
  }
}
