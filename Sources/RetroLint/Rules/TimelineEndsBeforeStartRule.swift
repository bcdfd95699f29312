import RetroCore

/// The timeline's end comes before its start.
public struct TimelineEndsBeforeStartRule: Rule {
  public static let description = RuleDescription(
    identifier: "timeline_ends_before_start", name: "Timeline Ends Before Start",
    description: "The resolution (or the last entry) is earlier than the start of the incident.",
    rationale: "A negative duration is always a mistake, usually a wrong date or a 12-hour time without AM or PM.",
    severity: .error,
    triggeringExamples: [RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 2024-01-02 10:00 outage starts\n↓- 2024-01-01 11:00 service restored\n")],
    nonTriggeringExamples: [RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 outage starts\n- 11:00 service restored\n")])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let timed = context.report.timeline.filter { $0.instant != nil }
    guard let start = timed.first(where: { $0.kind == .start }) ?? timed.first,
      let end = timed.first(where: { $0.kind == .resolved }) ?? timed.last,
      let startInstant = start.instant, let endInstant = end.instant, endInstant < startInstant,
      // An "end" listed above the "start" is a word read as the end ("almost recovered") in a
      // timeline that runs in order: what is certain is an end written after the start.
      end.line > start.line
    else { return [] }
    return [
      Finding(
        "The timeline ends ('\(end.timeText)') before it starts ('\(start.timeText)')", line: end.line,
        note: .init(message: "the start", path: context.path, line: start.line))
    ]
  }
}
