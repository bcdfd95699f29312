import RetroCore

/// No timeline entry says when the problem was detected.
public struct MissingDetectionEventRule: Rule {
  public static let description = RuleDescription(
    identifier: "no_detection_event", name: "No Detection Event",
    description: "No timeline entry says when the problem was detected (an alert, a page, a report).",
    rationale: "Time to detect is the first thing to improve, and it needs a detection moment.",
    severity: .warning,
    triggeringExamples: [RuleExample("## Timeline\n\n↓- 10:00 deploy started\n- 10:40 rolled back, resolved\n")],
    nonTriggeringExamples: [RuleExample("## Timeline\n\n- 10:00 deploy started\n- 10:05 alert fired\n")], tier: .optIn)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let timeline = context.report.timeline
    guard timeline.count >= 2, !timeline.contains(where: { $0.kind == .detected }), let first = timeline.first else { return [] }
    return [Finding("No timeline entry marks detection; say when and how the problem was noticed (alert, page, report)", line: first.line)]
  }
}
