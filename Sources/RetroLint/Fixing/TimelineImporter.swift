import Foundation
import RetroCore

/// Writes events drafted from an incident's records into its report's timeline
/// (`retro timeline import`): each in the timeline's zone and in the way its entries are
/// already written, in time order among them (oldest or newest first, as the timeline
/// runs), with its source and link; an event the timeline already has (within two minutes,
/// in the same words) is left out, so importing twice adds nothing. The likely start,
/// detection, mitigation and resolution are marked with the reason, unless the timeline
/// already has them. As `--fix` is, the edit is checked by reading the result: every entry
/// and section that was there reads as before and every added line reads as the event at
/// its time (a line that does not is written again with its date); otherwise the file is
/// left as it was. What the added lines change of the report's milestones and durations is
/// told, never left to be found.
public struct TimelineImporter: Sendable {
  public let parser: IncidentParser

  public init(parser: IncidentParser) {
    self.parser = parser
  }

  public struct Added: Sendable, Equatable {
    public var line: Int
    public var event: ImportedEvent
    public var written: String
    public var milestone: ImportedMilestones.Guess?
    /// The milestone the parser reads the written line as, when it reads one.
    public var readAs: TimelineEventKind?
  }

  public struct Outcome: Sendable {
    public var file: FileFixer.Result
    public var added: [Added] = []
    /// Events left out because the timeline already had them.
    public var duplicates = 0
    /// The zone the entries were written in.
    public var zone = "UTC"
    /// A Timeline section was written because the report had none.
    public var createdSection = false
    /// What the added lines change of the report's milestones and durations, one sentence
    /// each (`time to detect: 5m → 2m (line 14 now reads as the detection)`).
    public var changes: [String] = []
  }

  /// The window of time worth importing for `report`: six hours either side of its
  /// timeline, else its incident's day with six hours either side; nil when it has neither.
  public static func window(of report: IncidentReport, zone: String?) -> ClosedRange<Date>? {
    let instants = report.timeline.compactMap(\.instant)
    if let first = instants.min(), let last = instants.max() {
      return first.addingTimeInterval(-6 * 3600)...last.addingTimeInterval(6 * 3600)
    }
    guard let date = report.date, let tz = TimeZoneResolver.zone(named: zone ?? mostCommonZoneName(report) ?? "UTC") else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = tz
    guard let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else { return nil }
    return day.addingTimeInterval(-6 * 3600)...day.addingTimeInterval(30 * 3600)
  }

  /// The zone most timed entries are in (written, or the parser's default for entries that
  /// name none).
  public static func mostCommonZoneName(_ report: IncidentReport) -> String? {
    let zones = report.timeline.filter { !$0.timeText.isEmpty }.compactMap(\.timeZone)
    return Dictionary(grouping: zones, by: { $0 }).max { a, b in a.value.count < b.value.count || (a.value.count == b.value.count && a.key > b.key) }?.key
  }

  public func importEvents(_ events: [ImportedEvent], path: String, zone: String? = nil) -> Outcome {
    guard let data = FileManager.default.contents(atPath: path) else {
      return Outcome(file: FileFixer.Result(path: path, error: InputError(path: path, message: "cannot be read (check its permissions)")))
    }
    var outcome = Outcome(file: FileFixer.Result(path: path))
    let file = FileFixer.rewrite(data, path: path) { text in
      try edit(text, path: path, events: events, zone: zone, outcome: &outcome)
    }
    outcome.file = file
    if file.error != nil { outcome.added = [] }
    return outcome
  }

  /// Where one event goes and how it is written.
  private struct Placement {
    var event: Int
    /// The index in the original lines to insert before.
    var position: Int
    var style: TimelineLineStyle
    var zone: TimeZone
    /// The day (`2026-03-14`) the lines around it are on, when known.
    var referenceDay: String?
  }

  private func edit(_ text: String, path: String, events: [ImportedEvent], zone: String?, outcome: inout Outcome) throws -> String? {
    let parsed = try parser.parseDocument(SourceFile(path: path, text: text))
    let before = parsed.report
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let timelineSections = before.sections.filter { $0.names(.timeline) || $0.within == .timeline }
    func inTimeline(_ line: Int) -> Bool { timelineSections.contains { $0.range.start.line <= line && line <= Self.lastLine(of: $0) } }
    let timed = before.timeline.filter { !$0.timeText.isEmpty && inTimeline($0.line) }
    let writtenZone = timed.isEmpty ? nil : Self.mostCommonZoneName(before)
    if let zone, let writtenZone, TimeZoneResolver.zone(named: zone)?.secondsFromGMT() != TimeZoneResolver.zone(named: writtenZone)?.secondsFromGMT() {
      throw InputError(
        path: path,
        message: "not changed: the timeline's times are read in \(writtenZone) (as written, or by default when they name none), not \(zone): state the zone in the Timeline heading, or leave out --zone")
    }
    let headingZone = timelineSections.lazy.compactMap { TimeZoneResolver.zoneMentioned(in: $0.heading) }.first
    if let zone, writtenZone == nil, let headingZone,
      TimeZoneResolver.zone(named: zone)?.secondsFromGMT() != TimeZoneResolver.zone(named: headingZone)?.secondsFromGMT()
    {
      throw InputError(path: path, message: "not changed: the Timeline heading names \(headingZone), not \(zone): leave out --zone, or change the heading")
    }
    let zoneName = writtenZone ?? headingZone ?? zone ?? "UTC"
    guard let tz = TimeZoneResolver.zone(named: zoneName) else {
      throw InputError(path: path, message: "'\(zoneName)' is not a time zone retro knows (an abbreviation, an offset or an IANA name)")
    }
    outcome.zone = zoneName
    let placed = timed.filter { $0.instant != nil }
    if !timed.isEmpty, placed.isEmpty {
      throw InputError(
        path: path,
        message: "not changed: the timeline's times have no date retro can read, so imported events cannot be placed among them (give the report a 'date:' or date the first entry)")
    }

    // Leave out what the timeline has, and what one source said twice.
    var byMinute: [Int: [TimelineEntry]] = [:]
    for entry in before.timeline { if let instant = entry.instant { byMinute[Self.minute(instant), default: []].append(entry) } }
    var seen = Set<String>()
    var accepted: [ImportedEvent] = []
    for event in events.sorted(by: { ($0.instant, $0.source, $0.text) < ($1.instant, $1.source, $1.text) }) {
      let key = "\(event.source)\u{1F}\(event.text)\u{1F}\(Self.minute(event.instant))"
      guard seen.insert(key).inserted else {
        outcome.duplicates += 1
        continue
      }
      let minute = Self.minute(event.instant)
      let near = (minute - 2...minute + 2).flatMap { byMinute[$0] ?? [] }
      if near.contains(where: { Self.same(event, $0) }) {
        outcome.duplicates += 1
        continue
      }
      accepted.append(event)
    }
    guard !accepted.isEmpty else { return nil }
    let guesses = ImportedMilestones.guess(accepted, known: Set(before.timeline.compactMap(\.kind)))

    // Where each goes: among the entries in time order, after its list item's last line.
    let itemEnds = Self.itemEnds(parsed.document, lines: lines)
    let byLine = placed.sorted { $0.line < $1.line }
    let newestFirst = byLine.count > 1 && zip(byLine, byLine.dropFirst()).allSatisfy { $0.instant! >= $1.instant! } && byLine.first!.instant! > byLine.last!.instant!
    let styles = byLine.compactMap { TimelineLineStyle.of($0, lines: lines) }
    var created: (at: Int, heading: String)?
    // With no entry to copy: the zone on each line, or once in the heading, where the
    // parser reads an IANA name (`Europe/Berlin`) that it would not after a time.
    var headingEdit: (line: Int, text: String)?
    var plain = TimelineLineStyle.plain(zone: zoneName)
    if styles.isEmpty {
      if timelineSections.isEmpty {
        plain = .plain(zone: nil)
      } else if headingZone != nil {
        plain = .plain(zone: nil)
      } else if zoneName.contains("/"), let section = timelineSections.first, section.foundBy == .heading,
        section.range.start.line >= 1, section.range.start.line <= lines.count, lines[section.range.start.line - 1].hasPrefix("#")
      {
        plain = .plain(zone: nil)
        var heading = lines[section.range.start.line - 1]
        while let last = heading.last, last == " " || last == "#" || last == ":" { heading.removeLast() }
        headingEdit = (section.range.start.line, heading + " (\(zoneName))")
      }
    }
    var placements: [Placement] = []
    for (index, event) in accepted.enumerated() {
      var anchor: TimelineEntry?
      var position: Int
      if newestFirst {
        // The first entry (from the top) at or before it: the event goes above it.
        if let later = byLine.first(where: { $0.instant! <= event.instant }) {
          anchor = later
          position = later.line - 1
        } else {
          anchor = byLine.last
          position = byLine.last.map { itemEnds[$0.line] ?? TicketLinker.lastLine(ofItemAt: $0.line, in: lines) } ?? 0
        }
      } else {
        let earlier = byLine.last { $0.instant! <= event.instant }
        let next = byLine.first { $0.instant! > event.instant }
        // After midnight, under the next day's heading rather than at the end of the last day.
        if let earlier, let next, Self.day(earlier.instant!, tz) != Self.day(event.instant, tz),
          Self.day(next.instant!, tz) == Self.day(event.instant, tz)
        {
          anchor = next
          position = next.line - 1
        } else if let earlier {
          anchor = earlier
          position = itemEnds[earlier.line] ?? TicketLinker.lastLine(ofItemAt: earlier.line, in: lines)
        } else if let next {
          anchor = next
          position = next.line - 1
        } else if let section = timelineSections.last {
          position = Self.lastNonBlank(in: section, lines: lines)
        } else {
          if created == nil { created = Self.newSection(in: before, lines: lines, zone: zoneName) }
          position = created!.at
        }
      }
      let style = anchor.flatMap { TimelineLineStyle.of($0, lines: lines) } ?? styles.first ?? plain
      // Each time in the zone its line names, so a timeline of two zones stays right.
      let lineZone = style.zone.flatMap(TimeZoneResolver.zone(named:)) ?? tz
      let referenceDay = anchor?.instant.map { Self.day($0, lineZone) } ?? before.date?.description
      placements.append(Placement(event: index, position: position, style: style, zone: lineZone, referenceDay: referenceDay))
    }

    // Written without a date where the lines around say the day; a line that does not read
    // back at its time is written again with its date.
    var dated = Set(placements.filter { $0.referenceDay == nil }.map(\.event))
    var attempt = 0
    while true {
      attempt += 1
      var source = lines
      if let headingEdit { source[headingEdit.line - 1] = headingEdit.text }
      let (edited, landed, written) = Self.assemble(source, placements: placements, accepted: accepted, guesses: guesses, dated: dated, created: created, anchored: !byLine.isEmpty, newestFirst: newestFirst)
      let after = try parser.parse(text: edited, path: path)
      let entries = Dictionary(after.timeline.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
      var misread: [Int] = []
      for (index, event) in accepted.enumerated() {
        guard let line = landed[index] else { continue }
        guard let entry = entries[line], let instant = entry.instant, abs(instant.timeIntervalSince(event.instant)) < 60 else {
          misread.append(index)
          continue
        }
      }
      if !misread.isEmpty {
        let undated = misread.filter { !dated.contains($0) }
        guard attempt == 1, !undated.isEmpty else {
          let first = misread[0]
          throw InputError(
            path: path,
            message: "not changed: the entry for \(accepted[first].source)'s event at \(ISO8601.string(accepted[first].instant)) would not read back at its time"
              + (before.date == nil && placed.isEmpty ? " (the report has no date: add 'date:' to its front matter)" : ""))
        }
        dated.formUnion(undated)
        continue
      }
      let addedLines = Set(landed.values)
      if let problem = Self.problem(before: before, after: after, addedLines: addedLines, created: created != nil) {
        throw InputError(path: path, message: "not changed: adding the entries \(problem)")
      }
      outcome.createdSection = created != nil
      outcome.added = accepted.indices.compactMap { index in
        landed[index].map { line in
          Added(line: line, event: accepted[index], written: written[index] ?? "", milestone: guesses[index], readAs: entries[line]?.kind)
        }
      }.sorted { $0.line < $1.line }
      outcome.changes = Self.changes(before: before, after: after, addedLines: addedLines)
      return edited
    }
  }

  /// The lines with the events inserted, where each landed (1-based) and what was written.
  private static func assemble(
    _ lines: [String], placements: [Placement], accepted: [ImportedEvent], guesses: [Int: ImportedMilestones.Guess], dated: Set<Int>,
    created: (at: Int, heading: String)?, anchored: Bool, newestFirst: Bool
  ) -> (String, [Int: Int], [Int: String]) {
    var groups: [Int: [Placement]] = [:]
    for placement in placements { groups[placement.position, default: []].append(placement) }
    var output: [String] = []
    output.reserveCapacity(lines.count + placements.count + 4)
    var landed: [Int: Int] = [:]
    var written: [Int: String] = [:]
    func insert(at position: Int) {
      guard var group = groups[position] else { return }
      if newestFirst { group.reverse() }
      if let created, created.at == position {
        if output.last.map({ !$0.trimmingWhitespace().isEmpty }) ?? false { output.append("") }
        output.append(created.heading)
        output.append("")
      } else if !anchored, let last = output.last, !last.trimmingWhitespace().isEmpty, !last.hasPrefix("|"),
        TimeStampReader.read(last.drop { $0 == "-" || $0 == "*" || $0 == " " })?.hasTime != true
      {
        // After a lead-in paragraph or the heading: the entries start a list of their own.
        output.append("")
      }
      for placement in group {
        let event = accepted[placement.event]
        let time = placement.style.time(event.instant, in: placement.zone, withDate: dated.contains(placement.event))
        let line = render(event, milestone: guesses[placement.event], style: placement.style, time: time)
        output.append(line)
        landed[placement.event] = output.count
        written[placement.event] = line
      }
      if created?.at == position, position < lines.count, !lines[position].trimmingWhitespace().isEmpty { output.append("") }
    }
    insert(at: 0)
    for (offset, line) in lines.enumerated() {
      output.append(line)
      insert(at: offset + 1)
    }
    return (output.joined(separator: "\n"), landed, written)
  }

  /// The same event as an entry already there: the entry holds the event's words (as a
  /// second import writes them), or says nearly the same (four in five words shared either
  /// way). A shared link alone is not enough: one incident's link is on all its events.
  static func same(_ event: ImportedEvent, _ entry: TimelineEntry) -> Bool {
    guard let instant = entry.instant, abs(instant.timeIntervalSince(event.instant)) <= 120 else { return false }
    let said = event.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    if !said.isEmpty, entry.text.contains(said) { return true }
    let words = TextSimilarity.tokens(event.text)
    guard !words.isEmpty else { return false }
    let theirs = TextSimilarity.tokens(entry.text)
    let shared = Double(words.intersection(theirs).count)
    return shared / Double(words.union(theirs).count) >= 0.8
  }

  static func minute(_ instant: Date) -> Int { Int((instant.timeIntervalSince1970 / 60).rounded(.down)) }

  /// The last line of each list item, by the line it starts on: nested lists, paragraphs
  /// after a blank line and code blocks included.
  static func itemEnds(_ document: MarkdownDocument, lines: [String]) -> [Int: Int] {
    var ends: [Int: Int] = [:]
    func walk(_ node: MarkdownNode) {
      if case .item = node.kind, let range = node.range {
        // Not the blank lines after it, which cmark may count as the item's.
        var end = min(range.end.line, lines.count)
        while end > range.start.line, lines[end - 1].trimmingWhitespace().isEmpty { end -= 1 }
        ends[range.start.line] = max(ends[range.start.line] ?? 0, end)
      }
      for child in node.children where child.kind != .paragraph { walk(child) }
    }
    walk(document.root)
    return ends
  }

  /// The entry's words: the event as its tool said it, escaped so it stays text, with its
  /// source and link, and the milestone it likely is.
  static func render(_ event: ImportedEvent, milestone: ImportedMilestones.Guess?, style: TimelineLineStyle, time: String) -> String {
    var source = MarkdownLiteral.escape(event.source)
    if let link = event.link, Self.isWebLink(link) { source += ", <\(link)>" }
    let text = MarkdownLiteral.escape(event.text, limit: 1000)
    var marker = ""
    if let milestone {
      let words: String
      switch milestone.kind {
      case .start: words = "impact start"
      case .detected: words = "detected"
      case .mitigated: words = "mitigated"
      case .resolved: words = "resolved"
      }
      marker = " — *likely \(words): \(milestone.reason)*"
    }
    if case .row(_, _, _, .some) = style.shape {
      return style.line(time: time, text: text + marker, source: source, sourcedText: text + marker)
    }
    return style.line(time: time, text: text, source: source, sourcedText: "\(text) (\(source))\(marker)")
  }

  /// An http(s) address that can be written as `<…>` and stays an address: nothing a
  /// template language, a table or the autolink itself would read.
  static func isWebLink(_ link: String) -> Bool {
    (link.hasPrefix("https://") || link.hasPrefix("http://"))
      && !link.unicodeScalars.contains { $0.value <= 0x20 || $0.value >= 0x7F || "<>\\{}|\"`".unicodeScalars.contains($0) }
  }

  static func day(_ instant: Date, _ zone: TimeZone) -> String {
    let p = ISO8601.utcParts(instant.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: instant))))
    return CalendarDate(year: p.year, month: p.month, day: p.day)?.description ?? ""
  }

  static func lastLine(of section: Section) -> Int {
    max(section.range.end.line, section.bodyLines?.upperBound ?? 0)
  }

  /// The index after the section's last line that is not blank.
  static func lastNonBlank(in section: Section, lines: [String]) -> Int {
    var last = min(lastLine(of: section), lines.count)
    while last > section.range.start.line, lines[last - 1].trimmingWhitespace().isEmpty { last -= 1 }
    return last
  }

  /// Where a Timeline section goes in a report without one: before the lessons and action
  /// items, else at the end; at the level of the report's other sections, its zone in the
  /// heading.
  static func newSection(in report: IncidentReport, lines: [String], zone: String) -> (at: Int, heading: String) {
    let levels = report.sections.filter { $0.foundBy == .heading && $0.level >= 1 && $0.level <= 6 && $0.within == nil }.map(\.level)
    let level = Dictionary(grouping: levels, by: { $0 }).max { a, b in a.value.count < b.value.count || (a.value.count == b.value.count && a.key > b.key) }?.key ?? 2
    let later: Set<SectionKind> = [.lessonsLearned, .wentWell, .wentWrong, .gotLucky, .actionItems]
    let heading = String(repeating: "#", count: level) + " Timeline (\(zone))"
    if let next = report.sections.first(where: { later.contains($0.kind) && $0.foundBy == .heading && $0.level <= level }) {
      var at = next.range.start.line - 1
      while at > 0, lines[at - 1].trimmingWhitespace().isEmpty { at -= 1 }
      return (at, heading)
    }
    var at = lines.count
    while at > 0, lines[at - 1].trimmingWhitespace().isEmpty { at -= 1 }
    return (at, heading)
  }

  /// Why `after` is not `before` with the entries on `addedLines` added, or nil.
  static func problem(before: IncidentReport, after: IncidentReport, addedLines: Set<Int>, created: Bool) -> String? {
    let kinds = after.sections.map(\.kind)
    let expected = before.sections.map(\.kind)
    if created {
      guard kinds.filter({ $0 != .timeline }) == expected.filter({ $0 != .timeline }) else { return "would change how the sections read" }
    } else if kinds != expected {
      return "would change how the sections read"
    }
    let kept = after.timeline.filter { !addedLines.contains($0.line) }
    if !created {
      guard kept.count == before.timeline.count else { return "would change the entries already there" }
      for (old, new) in zip(before.timeline, kept) where old.text != new.text || old.timeText != new.timeText || old.instant != new.instant {
        return "would change how the entry on line \(old.line) reads (its text or its time)"
      }
    }
    guard before.actionItems.map(\.text) == after.actionItems.map(\.text) else { return "would change the action items" }
    return nil
  }

  /// What the added lines change of the milestones the durations count from.
  static func changes(before: IncidentReport, after: IncidentReport, addedLines: Set<Int>) -> [String] {
    var changes: [String] = []
    for kind in TimelineEventKind.allCases {
      let old = before.timeline.first { $0.kind == kind && $0.instant != nil }
      let new = after.timeline.first { $0.kind == kind && $0.instant != nil }
      if let new, addedLines.contains(new.line), old?.instant != new.instant {
        let was = old.map { "'\($0.timeText) \($0.text.prefix(60))'" } ?? "none"
        changes.append("the \(kind.rawValue) milestone is now line \(new.line), an imported entry (was \(was))")
      }
    }
    let metrics: [(String, TimeInterval?, TimeInterval?)] = [
      ("time to detect", before.metrics.timeToDetect, after.metrics.timeToDetect),
      ("time to mitigate", before.metrics.timeToMitigate, after.metrics.timeToMitigate),
      ("time to resolve", before.metrics.timeToResolve, after.metrics.timeToResolve),
    ]
    for (name, old, new) in metrics where old != new {
      changes.append("\(name): \(DurationText.format(old)) → \(DurationText.format(new))")
    }
    return changes
  }
}
