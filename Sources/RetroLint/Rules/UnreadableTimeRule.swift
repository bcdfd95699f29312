import RetroCore

/// A timeline entry whose moment cannot be worked out.
public struct UnreadableTimeRule: Rule {
  public static let description = RuleDescription(
    identifier: "unreadable_time", name: "Unreadable Time",
    description: "A timeline entry has no time, a time that cannot be read, or no date to place it on.",
    rationale: "An entry without a moment cannot be ordered or measured; durations and charts leave it out.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 deploy\n↓- ??:?? someone noticed\n↓- then we rolled back\n↓- 22:XX paged\n"),
      RuleExample("## Timeline\n\n↓- 10:00 deploy\n- 10:05 paged\n", path: "example.md"),
    ],
    nonTriggeringExamples: [
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 deploy\n- 10:05 paged\n"),
      // Unknown on purpose: said so, or explained in a footnote; a blank template's slots.
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- [???] disks filled\n- 2024-MM-DD[^1]: token made\n- 10:05 paged\n\n[^1]: not logged\n\n## Template\n\n### Timeline\n\n- YYYY-MM-DD HH:MM detected\n"),
    ])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    var findings: [Finding] = []
    var reportedNoDate = false
    for (entry, stamp) in zip(context.report.timeline, context.timelineStamps) where entry.instant == nil {
      if entry.timeText.isEmpty {
        findings.append(Finding("This timeline entry has no time", line: entry.line))
      } else if stamp.map({ $0.unreadable || !$0.hasTime && $0.date == nil }) ?? true {
        if Self.isDeliberate(entry, context) { continue }
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

  /// A time the author left unknown on purpose: `???` (unknown, not a slot to fill like
  /// `??:??`), one with a footnote saying why (`2023-MM-DD[^1]`), or one in a blank template
  /// kept at the end of a log (under a heading naming a template or a slot,
  /// `### Incident on YYYY-MM-DD HH:MM`).
  static func isDeliberate(_ entry: TimelineEntry, _ context: LintContext) -> Bool {
    if !entry.timeText.isEmpty, entry.timeText.allSatisfy({ $0 == "?" }) { return true }
    if entry.line >= 1, entry.line <= context.sourceLines.count {
      let line = context.sourceLines[entry.line - 1]
      if let range = line.range(of: entry.timeText), line[range.upperBound...].hasPrefix("[^") { return true }
    }
    return context.report.sections.contains { section in
      guard section.range.lines.contains(entry.line) else { return false }
      let heading = section.heading.lowercased()
      return heading.contains("template") || heading.contains("yyyy") || heading.contains("hh:mm")
    }
  }
}
