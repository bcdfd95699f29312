import Foundation
import RetroCore

/// Writes events drafted from an incident's records into its report's timeline
/// (`retro timeline import`): each in the report's zone and in the way its entries are
/// already written, in time order among them, with its source and link; an event the
/// timeline already has (within two minutes, in the same words) is left out, so importing
/// twice adds nothing. The likely start, detection, mitigation and resolution are marked
/// with the reason, unless the timeline already has them. As `--fix` is, the edit is checked
/// by reading the result: every entry and section that was there reads as before and every
/// added line reads as the event at its time; otherwise the file is left as it was.
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

  private func edit(_ text: String, path: String, events: [ImportedEvent], zone: String?, outcome: inout Outcome) throws -> String? {
    let before = try parser.parse(text: text, path: path)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let timelineSections = before.sections.filter { $0.names(.timeline) || $0.within == .timeline }
    func inTimeline(_ line: Int) -> Bool { timelineSections.contains { $0.range.start.line <= line && line <= Self.lastLine(of: $0) } }
    let zoneName = Self.mostCommonZoneName(before) ?? zone ?? "UTC"
    guard let tz = TimeZoneResolver.zone(named: zoneName) else {
      throw InputError(path: path, message: "'\(zoneName)' is not a time zone retro knows (an abbreviation, an offset or an IANA name)")
    }
    outcome.zone = zoneName
    let placed = before.timeline.filter { $0.instant != nil && inTimeline($0.line) }
    if timelineSections.isEmpty == false, placed.isEmpty, before.timeline.contains(where: { !$0.timeText.isEmpty && inTimeline($0.line) }) {
      throw InputError(
        path: path,
        message: "not changed: the timeline's times have no date retro can read, so imported events cannot be placed among them (give the report a 'date:' or date the first entry)")
    }

    // Leave out what the timeline has, and what two sources both said.
    var accepted: [ImportedEvent] = []
    for event in events.sorted(by: { ($0.instant, $0.source) < ($1.instant, $1.source) }) {
      let words = TextSimilarity.tokens(event.text)
      func same(_ entry: TimelineEntry) -> Bool {
        guard let instant = entry.instant, abs(instant.timeIntervalSince(event.instant)) <= 120 else { return false }
        if let link = event.link, entry.text.contains(link) { return true }
        guard !words.isEmpty else { return entry.text.contains(event.text) }
        return Double(words.intersection(TextSimilarity.tokens(entry.text)).count) >= 0.6 * Double(words.count)
      }
      if before.timeline.contains(where: same) {
        outcome.duplicates += 1
        continue
      }
      if accepted.contains(where: { $0.source == event.source && $0.text == event.text && abs($0.instant.timeIntervalSince(event.instant)) < 60 }) {
        outcome.duplicates += 1
        continue
      }
      accepted.append(event)
    }
    guard !accepted.isEmpty else { return nil }
    let guesses = ImportedMilestones.guess(accepted, known: Set(before.timeline.compactMap(\.kind)))

    // Where each goes: after the last entry at or before it, else before the first.
    let anchors = placed.sorted { ($0.instant!, $0.line) < ($1.instant!, $1.line) }
    let styles = anchors.compactMap { TimelineLineStyle.of($0, lines: lines) }
    var insertions: [Int: [(event: Int, line: String)]] = [:]
    var created: (at: Int, heading: String)?
    for (index, event) in accepted.enumerated() {
      let anchor = anchors.last { $0.instant! <= event.instant }
      let reference = anchor ?? anchors.first
      let style = reference.flatMap { TimelineLineStyle.of($0, lines: lines) } ?? styles.first ?? .plain(zone: zoneName)
      let referenceDay = reference?.instant.map { Self.day($0, tz) } ?? before.date?.description ?? Self.day(accepted[0].instant, tz)
      let withDate = !style.date && Self.day(event.instant, tz) != referenceDay
      let written = Self.render(event, milestone: guesses[index], style: style, time: style.time(event.instant, in: tz, withDate: withDate))
      let position: Int
      if let anchor {
        position = TicketLinker.lastLine(ofItemAt: anchor.line, in: lines)
      } else if let first = anchors.first {
        position = first.line - 1
      } else if let section = timelineSections.last {
        position = Self.lastNonBlank(in: section, lines: lines)
      } else {
        if created == nil { created = Self.newSection(in: before, lines: lines) }
        position = created!.at
      }
      insertions[position, default: []].append((index, written))
    }

    // The edited text, and the line each event landed on.
    var output: [String] = []
    var landed: [Int: Int] = [:]
    func insert(at position: Int) {
      guard let group = insertions[position] else { return }
      if let created, created.at == position {
        if output.last.map({ !$0.trimmingWhitespace().isEmpty }) ?? false { output.append("") }
        output.append(created.heading)
        output.append("")
      } else if anchors.isEmpty, let last = output.last, !last.trimmingWhitespace().isEmpty,
        TimeStampReader.read(last.drop { $0 == "-" || $0 == "*" || $0 == " " })?.hasTime != true, !last.hasPrefix("|")
      {
        // After a lead-in paragraph or the heading: the entries start a list of their own.
        output.append("")
      }
      for (event, line) in group {
        output.append(line)
        landed[event] = output.count
      }
      if created?.at == position, position < lines.count, !lines[position].trimmingWhitespace().isEmpty { output.append("") }
    }
    insert(at: 0)
    for (offset, line) in lines.enumerated() {
      output.append(line)
      insert(at: offset + 1)
    }
    if created != nil { outcome.createdSection = true }
    let edited = output.joined(separator: "\n")

    let after = try parser.parse(text: edited, path: path)
    let addedLines = Set(landed.values)
    if let problem = Self.problem(before: before, after: after, addedLines: addedLines, created: created != nil) {
      throw InputError(path: path, message: "not changed: adding the entries \(problem)")
    }
    var added: [Added] = []
    for (index, event) in accepted.enumerated() {
      guard let line = landed[index] else { continue }
      guard let entry = after.timeline.first(where: { $0.line == line }), let instant = entry.instant,
        abs(instant.timeIntervalSince(event.instant)) < 60
      else {
        throw InputError(path: path, line: line, message: "not changed: the entry written for \(event.source)'s event would not read back at its time")
      }
      added.append(Added(line: line, event: event, written: output[line - 1], milestone: guesses[index], readAs: entry.kind))
    }
    outcome.added = added
    return edited
  }

  /// The entry's words: the event as its tool said it, escaped so it stays text, with its
  /// source and link, and the milestone it likely is.
  static func render(_ event: ImportedEvent, milestone: ImportedMilestones.Guess?, style: TimelineLineStyle, time: String) -> String {
    var source = MarkdownLiteral.escape(event.source)
    if let link = event.link, Self.isWebLink(link) { source += ", <\(link)>" }
    let text = MarkdownLiteral.escape(event.text)
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

  static func isWebLink(_ link: String) -> Bool {
    (link.hasPrefix("https://") || link.hasPrefix("http://")) && !link.contains { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\\" || $0.isNewline }
  }

  static func day(_ instant: Date, _ zone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day], from: instant)
    return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)?.description ?? ""
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
  /// items, else at the end; at the level of the report's other sections.
  static func newSection(in report: IncidentReport, lines: [String]) -> (at: Int, heading: String) {
    let levels = report.sections.filter { $0.foundBy == .heading && $0.level >= 1 && $0.level <= 6 && $0.within == nil }.map(\.level)
    let level = Dictionary(grouping: levels, by: { $0 }).max { a, b in a.value.count < b.value.count || (a.value.count == b.value.count && a.key > b.key) }?.key ?? 2
    let later: Set<SectionKind> = [.lessonsLearned, .wentWell, .wentWrong, .gotLucky, .actionItems]
    let heading = String(repeating: "#", count: level) + " Timeline"
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
    var kinds = before.sections.map(\.kind)
    if created { kinds = after.sections.map(\.kind).filter { $0 != .timeline } == kinds.filter { $0 != .timeline } ? after.sections.map(\.kind) : kinds }
    guard after.sections.map(\.kind) == kinds else { return "would change how the sections read" }
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
}
