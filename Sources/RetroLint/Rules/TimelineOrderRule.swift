import RetroCore

/// Timeline entries out of order.
public struct TimelineOrderRule: Rule {
  public static let description = RuleDescription(
    identifier: "timeline_order", name: "Timeline Order",
    description: "A timeline entry is earlier than the one before it.",
    rationale: "Readers follow a timeline top to bottom; an entry out of place is usually a typo in the time or the date.",
    severity: .warning,
    triggeringExamples: [RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 deploy\n- 10:30 paged\n↓- 10:10 rolled back\n")],
    nonTriggeringExamples: [
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 23:50 deploy\n- 00:10 paged\n"),
      RuleExample("## Timeline\n\n- 2024-01-02 10:00 deploy\n- 2024-01-02 notes from the day\n"),
      RuleExample("### Incident B\n\n## Timeline\n\n- 2024-02-01 10:00 x\n\n### Incident A\n\n## Timeline\n\n- 2024-01-01 10:00 y\n"),
    ])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    var findings: [Finding] = []
    var previous: TimelineEntry?
    var previousGroup: Int?
    // Entries are compared within one Timeline section: a log of several incidents has one
    // timeline each, in whatever order the log is kept.
    let starts = context.report.sections.filter { $0.kind == .timeline }.map(\.range.start.line)
    for (entry, stamp) in zip(context.report.timeline, context.timelineStamps) {
      // A date with no time (`2021-12-17`) has no place in the order of the day.
      guard let instant = entry.instant, stamp?.hasTime == true else { continue }
      let group = starts.lastIndex { $0 <= entry.line }
      if group != previousGroup { previous = nil }
      previousGroup = group
      if let before = previous, let earlier = before.instant, instant < earlier {
        findings.append(
          Finding(
            "'\(entry.timeText)' is earlier than the entry before it ('\(before.timeText)')", line: entry.line,
            note: .init(message: "the entry before", path: context.path, line: before.line)))
      }
      previous = entry
    }
    return findings
  }
}
