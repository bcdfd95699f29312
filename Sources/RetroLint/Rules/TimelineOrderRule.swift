import RetroCore

/// Timeline entries out of order.
public struct TimelineOrderRule: Rule {
  public static let description = RuleDescription(
    identifier: "timeline_order", name: "Timeline Order",
    description: "A timeline entry is earlier than the one before it.",
    rationale: "Readers follow a timeline top to bottom; an entry out of place is usually a typo in the time or the date.",
    severity: .warning,
    triggeringExamples: [RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 deploy\n- 10:30 paged\n↓- 10:10 rolled back\n")],
    nonTriggeringExamples: [RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 23:50 deploy\n- 00:10 paged\n")])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    var findings: [Finding] = []
    var previous: TimelineEntry?
    for entry in context.report.timeline {
      guard let instant = entry.instant else { continue }
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
