import RetroCore

/// A timeline entry whose moment cannot be worked out.
public struct UnreadableTimeRule: Rule {
  public static let description = RuleDescription(
    identifier: "unreadable_time", name: "Unreadable Time",
    description: "A timeline entry has no time, a time that cannot be read, or no date to place it on.",
    rationale: "An entry without a moment cannot be ordered or measured; durations and charts leave it out.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 deploy\n↓- ??:?? someone noticed\n↓- then we rolled back\n"),
      RuleExample("## Timeline\n\n↓- 10:00 deploy\n- 10:05 paged\n", path: "example.md"),
    ],
    nonTriggeringExamples: [RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 deploy\n- 10:05 paged\n")])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    var findings: [Finding] = []
    var reportedNoDate = false
    for (entry, stamp) in zip(context.report.timeline, context.timelineStamps) where entry.instant == nil {
      if entry.timeText.isEmpty {
        findings.append(Finding("This timeline entry has no time", line: entry.line))
      } else if stamp.map({ $0.unreadable || !$0.hasTime && $0.date == nil }) ?? true {
        findings.append(Finding("The time '\(entry.timeText)' cannot be read", line: entry.line))
      } else if !reportedNoDate {
        reportedNoDate = true
        findings.append(
          Finding(
            "'\(entry.timeText)' cannot be placed on a day: give the report a date or the first entry a full date",
            line: entry.line))
      }
    }
    return findings
  }
}
