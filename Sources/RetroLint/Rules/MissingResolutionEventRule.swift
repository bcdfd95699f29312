import RetroCore

/// No timeline entry says when the incident was resolved.
public struct MissingResolutionEventRule: Rule {
  public static let description = RuleDescription(
    identifier: "no_resolution_event", name: "No Resolution Event",
    description: "No timeline entry says when the incident was resolved.",
    rationale: "Without an end the timeline cannot give time to resolve, and readers cannot tell whether it is over.",
    severity: .warning,
    triggeringExamples: [RuleExample("## Timeline\n\n↓- 10:00 deploy started\n- 10:05 alert fired\n")],
    nonTriggeringExamples: [RuleExample("## Timeline\n\n- 10:00 deploy started\n- 10:40 service restored\n")], tier: .optIn)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let timeline = context.report.timeline
    guard timeline.count >= 2, !timeline.contains(where: { $0.kind == .resolved }), let first = timeline.first else { return [] }
    return [Finding("No timeline entry marks the resolution; say when service was back to normal", line: first.line)]
  }
}
