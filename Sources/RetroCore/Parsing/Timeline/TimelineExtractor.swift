/// Reads timeline entries from the blocks of timeline sections: bullets, numbered items,
/// table rows, plain lines and one heading per entry.
struct TimelineExtractor {
  var context: TimelineContext
  private(set) var entries: [TimelineEntry] = []
  /// The entry that following plain lines continue, while reading one block.
  private var openEntry: Int?
  /// Entries read from lists none of whose items carries a time or a date: links to
  /// dashboards above the entries, the details under a timed heading or line, a quoted
  /// explanation. In a timeline whose other entries have times they are not events
  /// (`finish()` drops them); in one with no times at all they are its entries.
  private var untimedListEntries: Set<Int> = []
  /// The entry made of a day heading's paragraph (`### 2018-01-16` over one event), with the
  /// heading's level, until a deeper section under it turns out to hold the day's entries.
  private var dayEntry: (index: Int, level: Int)?
  private var droppedDayEntries: Set<Int> = []

  init(context: TimelineContext) {
    self.context = context
  }

  /// Reads one timeline section (or sub-section) in order.
  mutating func read(_ outlined: OutlineSection) {
    let heading = outlined.section.heading
    if let zone = TimeZoneResolver.zoneMentioned(in: heading) { context.zone = zone }
    openEntry = nil
    var dayHeading: TimeStamp?
    if outlined.section.kind == .custom || outlined.section.kind != .timeline,
      let stamp = TimeStampReader.read(heading)
    {
      if stamp.hasTime || stamp.unreadable {
        // `### 1:06 PM` with the event in the body.
        let remainder = InlineText.collapse(stamp.remainder)
        let body = outlined.blocks.first { $0.kind == .paragraph }.map { InlineText.collapse($0.plainText) } ?? ""
        add(stamp, line: outlined.section.range.start.line, textFallback: remainder.isEmpty ? body : remainder)
      } else if stamp.date != nil {
        _ = context.resolve(stamp)
        dayHeading = stamp
      }
    } else if let date = TimeStampReader.findDate(in: heading), outlined.section.kind == .timeline {
      // `Timeline (2019-02-25, UTC)`: the date carries to the entries.
      let stamp = TimeStamp(
        text: "", date: date, hour: nil, minute: nil, second: nil, zone: nil, approximate: false,
        unreadable: false, remainder: "")
      _ = context.resolve(stamp)
    }
    let level = outlined.section.level
    if let day = dayEntry, level <= day.level { dayEntry = nil }
    let before = entries.count
    for block in outlined.blocks { read(block, topLevel: true) }
    if let day = dayEntry, entries.count > before {
      // The day's entries are in a section under its heading: the heading only dates them.
      droppedDayEntries.insert(day.index)
      dayEntry = nil
    }
    // `### 2018-01-16` over a paragraph and nothing timed: the day's one event.
    if let dayHeading, entries.count == before,
      let body = outlined.blocks.first(where: { $0.kind == .paragraph }).map({ InlineText.collapse($0.plainText) }), !body.isEmpty
    {
      add(dayHeading, line: outlined.section.range.start.line, textFallback: body)
      dayEntry = (entries.count - 1, level)
    }
  }

  /// Reads timestamped bullets and lines found elsewhere in a report that has no timeline
  /// section; a date in a section's heading (`### Sunday, March 31st, 2024`) carries to them.
  mutating func recover(from blocks: [MarkdownNode], heading: String?) {
    if let heading, let date = TimeStampReader.findDate(in: heading) {
      _ = context.resolve(
        TimeStamp(
          text: "", date: date, hour: nil, minute: nil, second: nil, zone: nil, approximate: false,
          unreadable: false, remainder: ""))
    }
    for block in blocks {
      switch block.kind {
      case .list:
        let stamped = block.children.contains { item in
          guard let first = item.children.first, first.kind == .paragraph else { return false }
          return TimeStampReader.read(firstLine(of: first)).map { $0.hasTime } ?? false
        }
        if stamped { read(block, topLevel: false) }
      case .paragraph:
        readParagraph(block, stampedOnly: true)
      default:
        break
      }
    }
  }

  private mutating func read(_ block: MarkdownNode, topLevel: Bool) {
    switch block.kind {
    case .paragraph:
      readParagraph(block, stampedOnly: false)
    case .list:
      openEntry = nil
      let start = entries.count
      for item in block.children { readItem(item, topLevel: topLevel) }
      if !block.children.contains(where: isStamped) {
        for index in start..<entries.count where entries[index].timeText.isEmpty { untimedListEntries.insert(index) }
      }
      openEntry = nil
    case .table:
      openEntry = nil
      readTable(block)
    case .blockQuote:
      for child in block.children { read(child, topLevel: topLevel) }
    case .codeBlock(_, let literal):
      readIndentedList(literal, startLine: (block.range?.start.line ?? 1))
    default:
      break
    }
  }

  /// The entries, the untimed lists' dropped when other entries have times, and the day
  /// headings' that only dated a section of entries under them.
  mutating func finish() -> [TimelineEntry] {
    var dropped = droppedDayEntries
    if entries.contains(where: { !$0.timeText.isEmpty }) { dropped.formUnion(untimedListEntries) }
    guard !dropped.isEmpty else { return entries }
    return entries.indices.filter { !dropped.contains($0) }.map { entries[$0] }
  }

  /// True when a list item starts with a time or a date, or a labelled one
  /// (`Detected: 10:04`).
  private func isStamped(_ item: MarkdownNode) -> Bool {
    guard let first = item.children.first, first.kind == .paragraph else { return false }
    let line = firstLine(of: first)
    if let stamp = TimeStampReader.read(line), stamp.hasTime || stamp.unreadable || stamp.date != nil { return true }
    return labelledStamp(InlineText.collapse(first.plainText)) != nil
  }

  /// A list indented four spaces under its heading is a code block to CommonMark; its
  /// bulleted, timestamped lines are entries all the same (a log transcript is not: its
  /// lines are not bulleted).
  private mutating func readIndentedList(_ literal: String, startLine: Int) {
    let lines = literal.splitASCII(separator: "\n", omittingEmptySubsequences: false)
    guard lines.filter({ Self.bulletText($0).map { !$0.isEmpty } ?? false }).count >= 2 else { return }
    var open: Int?
    for (offset, line) in lines.enumerated() {
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.isEmpty { continue }
      if let bulleted = Self.bulletText(line) {
        if let stamp = TimeStampReader.read(bulleted), stamp.hasTime || stamp.unreadable {
          add(stamp, line: startLine + offset, textFallback: stamp.remainder)
          open = entries.count - 1
        } else {
          open = nil
        }
      } else if let index = open {
        entries[index].text = InlineText.collapse(entries[index].text + " " + trimmed)
      }
    }
  }

  /// The text of a line that is a Markdown bullet (`- x`, `* x`, `+ x`), indented or not.
  static func bulletText(_ line: Substring) -> Substring? {
    let trimmed = line.drop(while: { $0 == " " })
    guard let first = trimmed.first, "-*+".contains(first), trimmed.dropFirst().first == " " else { return nil }
    return trimmed.dropFirst(2)
  }

  private mutating func readItem(_ item: MarkdownNode, topLevel: Bool) {
    let line = item.range?.start.line ?? 1
    guard let first = item.children.first, first.kind == .paragraph else {
      for child in item.children { read(child, topLevel: false) }
      return
    }
    let text = InlineText.collapse(first.plainText)
    let nested = item.children.dropFirst()
    let stamp = TimeStampReader.read(firstLine(of: first))
    if let stamp, stamp.hasTime || stamp.unreadable {
      let rest = InlineText.collapse(
        ([stamp.remainder] + first.plainText.splitASCII(separator: "\n").dropFirst().map(String.init))
          .joined(separator: " "))
      add(stamp, line: line, textFallback: rest)
      for child in nested where child.kind != .paragraph { read(child, topLevel: false) }
    } else if let stamp, stamp.date != nil, InlineText.collapse(stamp.remainder).isEmpty,
      item.children.dropFirst().allSatisfy({ if case .list = $0.kind { return true } else { return false } }),
      !first.plainText.contains("\n")
    {
      _ = context.resolve(stamp)
      for child in nested { read(child, topLevel: false) }
    } else if let stamp, stamp.date != nil {
      let rest = ([stamp.remainder] + first.plainText.splitASCII(separator: "\n").dropFirst().map(String.init)
        + item.children.dropFirst().filter { $0.kind == .paragraph }.map(\.plainText)).joined(separator: " ")
      add(stamp, line: line, textFallback: InlineText.collapse(rest))
      for child in nested { read(child, topLevel: false) }
    } else if let (label, labelled) = labelledStamp(text), labelled.hasTime {
      // `First detected: 2023-08-04 09:14`: a milestone named before its time.
      add(labelled, line: line, textFallback: [label, labelled.remainder].filter { !$0.isEmpty }.joined(separator: " "))
    } else {
      let lowered = text.lowercased()
      let isNote = ["note:", "notes:", "nb:", "n.b.", "update:"].contains { lowered.hasPrefix($0) }
      if topLevel && !isNote {
        entries.append(TimelineEntry(timeText: "", instant: nil, text: text, kind: TimelineEventClassifier.kind(of: text), line: line))
      }
      for child in nested where child.kind != .paragraph { read(child, topLevel: false) }
    }
  }

  private mutating func readParagraph(_ block: MarkdownNode, stampedOnly: Bool) {
    let startLine = block.range?.start.line ?? 1
    let lines = block.plainText.splitASCII(separator: "\n", omittingEmptySubsequences: false)
    var hadEntry = false
    if block.children.count == 1, case .image = block.children[0].kind { return }
    for (offset, rawLine) in lines.enumerated() {
      let line = Self.stripBullet(rawLine)
      if line.trimmingWhitespace().isEmpty { continue }
      // In recovered prose, only a line that starts a paragraph or a pasted bullet starts an
      // entry; a time at the start of a wrapped line is mid-sentence.
      if stampedOnly, offset > 0, line.count == rawLine.count { continue }
      if let date = Self.dateLabel(line) {
        context.date = date.resolve(order: context.order, fallbackYear: context.fallbackYear) ?? context.date
        context.previousMinutes = nil
        continue
      }
      if let stamp = TimeStampReader.read(line) {
        if stamp.hasTime || stamp.unreadable || !InlineText.collapse(stamp.remainder).isEmpty {
          add(stamp, line: startLine + offset, textFallback: InlineText.collapse(stamp.remainder))
          openEntry = entries.count - 1
          hadEntry = true
          continue
        }
        if stamp.date != nil {
          _ = context.resolve(stamp)
          continue
        }
      }
      if let open = openEntry, !stampedOnly {
        let joined = entries[open].text.isEmpty ? String(line) : entries[open].text + " " + line
        entries[open].text = InlineText.collapse(joined)
        if entries[open].kind == nil { entries[open].kind = TimelineEventClassifier.kind(of: entries[open].text) }
      } else if !stampedOnly, !hadEntry, let zone = TimeZoneResolver.zoneMentioned(in: String(line)),
        line.lowercased().contains("time") || line.countASCIISplit(separator: " ") <= 6
      {
        context.zone = zone
      }
    }
    if !stampedOnly, let open = openEntry, !entries[open].text.isEmpty { openEntry = nil }
  }

  private mutating func readTable(_ table: MarkdownNode) {
    let rows = table.children
    guard let header = rows.first, case .tableRow(true) = header.kind else { return }
    let titles = header.children.map { InlineText.collapse($0.plainText) }
    let timeColumns = titles.indices.filter { index in
      let lowered = titles[index].lowercased()
      return ["time", "date", "when", "timestamp", "day", "hour"].contains { lowered.contains($0) }
    }
    let columns = timeColumns.isEmpty ? [0] : timeColumns
    let tableZone = titles.lazy.compactMap { TimeZoneResolver.zoneMentioned(in: $0) }.first
    // `Date (2022)`: a year in a time column's title dates the rows' `Jan 20`.
    if context.date == nil, let year = columns.lazy.compactMap({ $0 < titles.count ? Self.year(in: titles[$0]) : nil }).first {
      context.fallbackYear = year
    }
    let eventColumn = titles.indices.first { index in
      let lowered = titles[index].lowercased()
      return !columns.contains(index)
        && ["event", "description", "what", "action", "detail", "activity", "update", "note"].contains { lowered.contains($0) }
    } ?? titles.indices.first { !columns.contains($0) }
    for row in rows.dropFirst() {
      let cells = row.children.map { InlineText.collapse($0.plainText) }
      let line = row.range?.start.line ?? 1
      let timeText = columns.compactMap { $0 < cells.count ? cells[$0] : nil }
        .filter { !$0.isEmpty }.joined(separator: " ")
      let event = eventColumn.flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
      var fields: [String: String] = [:]
      for (index, cell) in cells.enumerated() where !columns.contains(index) && index != eventColumn && !cell.isEmpty {
        fields[index < titles.count && !titles[index].isEmpty ? titles[index] : "column \(index + 1)"] = cell
      }
      if cells.allSatisfy(\.isEmpty) { continue }
      if let stamp = TimeStampReader.read(timeText) {
        let text = [stamp.remainder, event].filter { !$0.isEmpty }.joined(separator: " ")
        add(stamp, line: line, textFallback: text, tableZone: tableZone, fields: fields)
      } else {
        entries.append(
          TimelineEntry(
            timeText: timeText, instant: nil, text: event,
            kind: TimelineEventClassifier.kind(of: event), line: line, fields: fields))
      }
    }
  }

  private mutating func add(
    _ stamp: TimeStamp, line: Int, textFallback: String, tableZone: String? = nil, fields: [String: String] = [:]
  ) {
    let (instant, zone) = context.resolve(stamp, tableZone: tableZone)
    let text = InlineText.collapse(textFallback)
    entries.append(
      TimelineEntry(
        timeText: stamp.text, instant: instant, text: text,
        kind: TimelineEventClassifier.kind(of: text), timeZone: instant == nil && stamp.zone == nil ? nil : zone,
        line: line, fields: fields))
  }

  /// `Label: stamp` or `Label stamp` (`First detected 2025-10-13 08:59`), with a label of
  /// at most four words.
  private func labelledStamp(_ text: String) -> (String, TimeStamp)? {
    guard let digit = text.firstIndex(where: \.isNumber) else { return nil }
    let label = text[..<digit].trimmingCharacters(in: CharacterSet(charactersIn: " :-–"))
    guard !label.isEmpty, label.countASCIISplit(separator: " ") <= 4, label.allSatisfy({ $0.isLetter || $0 == " " }),
      let stamp = TimeStampReader.read(text[digit...])
    else { return nil }
    return (label, stamp)
  }

  private func firstLine(of paragraph: MarkdownNode) -> String {
    String(paragraph.plainText.splitASCII(separator: "\n", maxSplits: 1).first ?? "")
  }

  /// A four-digit year from 1970 to 2099 standing alone in a title (`Date (2022)`).
  static func year(in title: String) -> Int? {
    var digits = ""
    for character in title + " " {
      if character.isASCII, character.isNumber {
        digits.append(character)
        continue
      }
      if digits.count == 4, let value = Int(digits), (1970...2099).contains(value) { return value }
      digits = ""
    }
    return nil
  }

  /// `Date: 2023-11-22`, a lead-in that sets the day for the entries after it.
  static func dateLabel(_ line: Substring) -> DateParts? {
    let trimmed = line.drop(while: { $0 == " " || $0 == "*" || $0 == "_" })
    guard trimmed.lowercased().hasPrefix("date:") else { return nil }
    return TimeStampReader.findDate(in: trimmed.dropFirst(5))
  }

  /// Drops a pasted bullet (`•`, `◦`, `▪`) from the start of a line.
  static func stripBullet(_ line: Substring) -> Substring {
    let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
    if let first = trimmed.first, "•◦▪‣·".contains(first) {
      return trimmed.dropFirst().drop(while: { $0 == " " })
    }
    return line
  }
}

import Foundation
