import RetroCore

/// A timeline entry whose moment cannot be worked out.
public struct UnreadableTimeRule: Rule {
  public static let description = RuleDescription(
    identifier: "unreadable_time", name: "Unreadable Time",
    description: "A timeline entry has no time, a time that cannot be read, or no date to place it on.",
    rationale: "An entry without a moment cannot be ordered or measured; durations and charts leave it out.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 deploy\n↓- ??:?? someone noticed\n↓- 22:XX paged\n"),
      // A timeline none of whose entries has a time.
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n↓- we deployed\n↓- we rolled back\n"),
      RuleExample("## Timeline\n\n↓- 10:00 deploy\n- 10:05 paged\n", path: "example.md"),
    ],
    nonTriggeringExamples: [
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- 10:00 deploy\n- 10:05 paged\n"),
      // Unknown on purpose: said so, or explained in a footnote; a blank template's slots;
      // a slot on a line placeholder_text reports (`- ??:?? TODO: detected`).
      RuleExample("---\ndate: 2024-01-01\n---\n## Timeline\n\n- [???] disks filled\n- 2024-MM-DD[^1]: token made\n- 10:05 paged\n- ??:?? TODO: resolved\n\n[^1]: not logged\n\n## Template\n\n### Timeline\n\n- YYYY-MM-DD HH:MM detected\n"),
    ])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    var findings: [Finding] = []
    var reportedNoDate = false
    let timed = Set(context.report.timeline.filter { !$0.timeText.isEmpty }.map(\.line))
    // The headings above each unread entry, for the template check, in one pass.
    let unread = context.report.timeline.filter { $0.instant == nil && !$0.timeText.isEmpty }.map(\.line)
    let chains = unread.isEmpty ? [:] : context.enclosingSections(of: unread)
    for (entry, stamp) in zip(context.report.timeline, context.timelineStamps) where entry.instant == nil {
      if entry.timeText.isEmpty {
        // A note among timed bullets ("Incident not declared, but later agreed") is bounded by
        // its neighbours; an entry is timeless when its list, or its whole timeline, is.
        if Self.amongTimedBullets(entry, context, timed: timed) { continue }
        findings.append(Finding("This timeline entry has no time", line: entry.line))
      } else if stamp.map({ $0.unreadable || !$0.hasTime && $0.date == nil }) ?? true {
        if Self.isDeliberate(entry, context, headings: chains[entry.line] ?? []) { continue }
        if Self.isFlaggedSlot(entry, context) { continue }
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

  /// True when the entry is a bullet whose neighbouring bullets in the same list, just above
  /// or below it, carry times.
  static func amongTimedBullets(_ entry: TimelineEntry, _ context: LintContext, timed: Set<Int>) -> Bool {
    func bullet(_ number: Int) -> Substring? {
      guard number >= 1, number <= context.sourceLines.count else { return nil }
      let text = context.sourceLines[number - 1].drop { $0 == " " || $0 == "\t" }
      guard let first = text.first, "-*+".contains(first), text.dropFirst().first == " " else { return nil }
      return text
    }
    guard bullet(entry.line) != nil else { return false }
    // The nearest bullet lines above and below, over wrapped lines.
    var above = entry.line - 1
    while above >= 1, bullet(above) == nil, !context.sourceLines[above - 1].trimmingWhitespace().isEmpty { above -= 1 }
    var below = entry.line + 1
    while below <= context.sourceLines.count, bullet(below) == nil, !context.sourceLines[below - 1].trimmingWhitespace().isEmpty { below += 1 }
    return timed.contains(above) || timed.contains(below)
  }

  /// A slot to fill (`??:??`, `HH:MM`) on a line that `placeholder_text` already reports
  /// (`- ??:?? TODO: detected`): one finding says the line is unwritten, not two.
  static func isFlaggedSlot(_ entry: TimelineEntry, _ context: LintContext) -> Bool {
    guard entry.timeText.allSatisfy({ "?:HhMmSsXx".contains($0) }), entry.line >= 1, entry.line <= context.sourceLines.count,
      context.configuration.severity(of: PlaceholderTextRule.description, path: context.path) != nil
    else { return false }
    return context.configuration.phrases.placeholderWords.find(in: context.sourceLines[entry.line - 1]) != nil
  }

  /// A time the author left unknown on purpose: `???` (unknown, not a slot to fill like
  /// `??:??`), one with a footnote saying why (`2023-MM-DD[^1]`), or one in a blank template
  /// kept at the end of a log (under a heading naming a template or a slot,
  /// `### Incident on YYYY-MM-DD HH:MM`).
  static func isDeliberate(_ entry: TimelineEntry, _ context: LintContext, headings chain: [Section]) -> Bool {
    if !entry.timeText.isEmpty, entry.timeText.allSatisfy({ $0 == "?" }) { return true }
    if entry.line >= 1, entry.line <= context.sourceLines.count {
      let line = context.sourceLines[entry.line - 1]
      if let range = line.range(of: entry.timeText), line[range.upperBound...].hasPrefix("[^") { return true }
    }
    return chain.contains { section in
      let heading = section.heading.lowercased()
      return heading.contains("template") || heading.contains("yyyy") || heading.contains("hh:mm")
    }
  }
}
