import Foundation
import RetroCore

/// No time zone stated anywhere for the timeline.
public struct TimelineTimeZoneRule: Rule {
  public static let description = RuleDescription(
    identifier: "timeline_time_zone", name: "Timeline Time Zone",
    description: "The timeline never says which time zone its times are in.",
    rationale: "Teams span zones; '14:00' read in the wrong one moves every event and every duration.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("---\ndate: 2024-01-01\n---\n↓## Timeline\n\n- 10:00 deploy\n"),
      // Fixable: the summary names the report's one zone, which --fix writes into the heading.
      RuleExample("---\ndate: 2024-01-01\n---\n## Summary\n\nThe API failed from 10:02 UTC.\n\n↓## Timeline\n\n- 10:00 deploy\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("## Timeline (UTC)\n\n- 10:00 deploy\n"),
      RuleExample("## Timeline\n\nAll times are CET.\n\n- 10:00 deploy\n"),
      RuleExample("## Timeline\n\nUnless noted, all times are in\nUTC.\n\n- 10:00 deploy\n"),
      RuleExample("## Timeline\n\n_all times are in UTC_\n\n- 10:00 deploy\n"),
      RuleExample("## Timeline\n\n- 10:00 PDT deploy\n"),
      RuleExample("---\ntimezone: Europe/Berlin\n---\n## Timeline\n\n- 10:00 deploy\n"),
      RuleExample("## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 10:00 | deploy |\n"),
      // Whole dates need no zone; a convention in words, even one retro cannot name.
      RuleExample("## Timeline\n\n- 2022-05-08 depeg begins\n- 2022-05-11 chain halted\n"),
      RuleExample("# Outage\n\nDatestamps use YYYY-MM-DD HH:MM for the London timezone.\n\n## Timeline\n\n- 10:00 deploy\n"),
    ],
    fixable: true)

  public init() {}

  static let time = Array("time".utf8)

  static let convention = try! NSRegularExpression(
    pattern: #"\b(?:all |the )?(?:times|timestamps|datestamps|dates and times)\b[^.\n]{0,60}?\b(?:are|in|for)\s+(?:the\s+)?[A-Z][A-Za-z/_+-]+|\b(?:time ?zone|timezone)\b"#)

  /// True when a line states the report's time convention in words.
  static func statesConvention(_ line: String) -> Bool {
    let lowered = line.lowercased()
    guard lowered.contains("times") || lowered.contains("stamps") || lowered.contains("zone") else { return false }
    return convention.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
  }

  public func validate(_ context: LintContext) -> [Finding] {
    let report = context.report
    guard report.timeline.contains(where: { !$0.timeText.isEmpty }) else { return [] }
    // Whole dates need no zone: only a timeline with clock times is asked for one.
    guard context.timelineStamps.contains(where: { $0?.hasTime == true }) else { return [] }
    if report.frontMatter?.lookup(["timezone", "timeZone", "time_zone", "tz"]) != nil { return [] }
    if context.timelineStamps.contains(where: { $0?.zone != nil }) { return [] }
    let timeline = context.sections(.timeline)
    for section in timeline {
      if TimeZoneResolver.zoneMentioned(in: section.heading) != nil { return [] }
      // Lead-in sentences wrap: read the body's prose as paragraphs (runs of lines between
      // empty ones), not lines.
      var paragraph: [Substring] = []
      func namesZone() -> Bool {
        guard paragraph.contains(where: { ByteSearch.contains(ByteSearch.lowercasedASCII($0), Self.time) }) else { return false }
        return TimeZoneResolver.zoneMentioned(in: paragraph.joined(separator: " ")) != nil
      }
      for line in context.bodyLines(of: section) {
        if line.text.isEmpty {
          if namesZone() { return [] }
          paragraph.removeAll(keepingCapacity: true)
        } else {
          paragraph.append(line.text)
        }
      }
      if namesZone() { return [] }
    }
    // A lead-in before the first section: `All times in PDT.`
    let firstSection = report.sections.first?.range.start.line ?? context.sourceLines.count + 1
    for (number, line) in context.proseLines() where number < firstSection && ByteSearch.contains(ByteSearch.lowercasedASCII(line), Self.time) {
      if TimeZoneResolver.zoneMentioned(in: String(line)) != nil { return [] }
    }
    // A convention stated anywhere: "All times in UC/Pacific", "Datestamps … for the London
    // timezone". The zone may be one retro cannot name; the reader can.
    for (_, line) in context.proseLines() where line.utf8.count >= 10 && Self.statesConvention(String(line)) { return [] }
    let line = timeline.first?.range.start.line ?? report.timeline.first?.line ?? 1
    return [
      Finding(
        "The timeline does not say its time zone; add one to the heading ('Timeline (UTC)') or to each time", line: line,
        fix: context.fix { timeline.first.flatMap { TimelineZoneHeading.fix(context, timeline: $0) } })
    ]
  }
}
