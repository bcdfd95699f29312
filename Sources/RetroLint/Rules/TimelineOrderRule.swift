import RetroCore

/// Timeline entries out of order.
public struct TimelineOrderRule: Rule {
  public static let description = RuleDescription(
    identifier: "timeline_order", name: "Timeline Order",
    description: "A timeline entry is earlier than the one before it.",
    rationale: "Readers follow a timeline top to bottom; an entry out of place is usually a typo in the time or the date.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 deploy\n- 10:30 paged\n↓- 10:10 rolled back\n"),
      // A milestone a year out of place is a typo in its date.
      RuleExample("## Key events\n\n- Detected 2023-01-11 14:34\n↓- Resolved 2022-01-11 14:40\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 23:50 deploy\n- 00:10 paged\n"),
      RuleExample("## Timeline\n\n- 2024-01-02 10:00 deploy\n- 2024-01-02 notes from the day\n"),
      RuleExample("### Incident B\n\n## Timeline\n\n- 2024-02-01 10:00 x\n\n### Incident A\n\n## Timeline\n\n- 2024-01-01 10:00 y\n"),
      // Milestones in their fixed order: repaired before the late declaration.
      RuleExample("## Key events\n\n- Detected 2024-01-02 09:29\n- Declared 2024-01-02 10:46\n- Repaired 2024-01-02 10:20\n- Resolved 2024-01-02 11:00\n"),
      // A day change in a heading, and a month-day date of the year before the report.
      RuleExample("---\ndate: 2019-03-26\n---\n## Timeline\n\n- 12-05 16:21 bad config merged\n- 03-20 16:46 jobs slow\n- 03-26 02:50 outage\n"),
      RuleExample("---\ndate: 2024-04-18\n---\n## Timeline\n\n### 19:47\n\nx\n\n### 19. April, 11:00\n\ny\n\n### 11:07\n\nz\n"),
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
      if let before = previous, let earlier = before.instant, instant < earlier,
        !(Self.isMilestone(entry, context) && Self.isMilestone(before, context) && earlier.timeIntervalSince(instant) < 86_400)
      {
        findings.append(
          Finding(
            "'\(entry.timeText)' is earlier than the entry before it ('\(before.timeText)')", line: entry.line,
            note: .init(message: "the entry before", path: context.path, line: before.line)))
      }
      previous = entry
    }
    return findings
  }

  /// `First detected 2023-08-04 09:14`, `Resolved: 10:30`: a field named before its time.
  /// A list of them keeps a fixed order (detected, declared, repaired, resolved), so a step
  /// back of hours is an incident declared late; one of a day or more is a typo in a date.
  static func isMilestone(_ entry: TimelineEntry, _ context: LintContext) -> Bool {
    guard entry.line >= 1, entry.line <= context.sourceLines.count, !entry.timeText.isEmpty else { return false }
    var text = context.sourceLines[entry.line - 1].drop { $0 == " " || $0 == "\t" }
    if let first = text.first, "-*+".contains(first) { text = text.dropFirst().drop { $0 == " " } }
    text = text.drop { $0 == "*" || $0 == "_" }
    guard let first = text.first, first.isLetter, let range = text.range(of: entry.timeText) else { return false }
    let label = text[..<range.lowerBound]
    return label.split(separator: " ").count <= 4 && label.allSatisfy { $0.isLetter || $0 == " " || $0 == ":" || $0 == "*" }
  }
}
