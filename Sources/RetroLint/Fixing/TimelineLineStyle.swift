import Foundation
import RetroCore

/// How a report writes one timeline entry, learnt from an entry already there, so imported
/// entries look like the author's: the bullet and markup around the time (`- **09:05** — `),
/// a table row's columns, the clock (24-hour or AM/PM, seconds, a leading zero), whether the
/// time carries a date and the zone as written.
struct TimelineLineStyle: Sendable, Equatable {
  enum Shape: Sendable, Equatable {
    /// A line: `prefix` + time + `separator` + text.
    case line(prefix: String, separator: String)
    /// A table row of `columns` cells, the time in one, the event in another, the source in
    /// a `Source` column when the table has one.
    case row(columns: Int, time: Int, event: Int, source: Int?)
  }

  var shape: Shape
  var twelveHour = false
  var lowercaseMeridiem = false
  var spaceBeforeMeridiem = true
  var seconds = false
  var padHour = true
  var date = false
  /// `2026-03-14T09:04` rather than `2026-03-14 09:04`.
  var dateSeparator = " "
  /// The zone written after each time (`UTC`), nil when the times carry none.
  var zone: String?
  /// `09:04Z` rather than `09:04 UTC`.
  var zoneSeparator = " "
  /// What ends the line: nothing, or the two spaces or backslash of a hard line break.
  var lineEnd = ""

  /// The style for a timeline that has no entries to learn from: `- 09:05 UTC — text`, or
  /// `- 09:05 — text` under a heading that names the zone.
  static func plain(zone: String?) -> TimelineLineStyle {
    TimelineLineStyle(shape: .line(prefix: "- ", separator: " — "), zone: zone)
  }

  /// The style of `entry`, read from its source line; nil when the line does not start with
  /// its time as written (a heading per entry, a time in the middle of a sentence).
  static func of(_ entry: TimelineEntry, lines: [String]) -> TimelineLineStyle? {
    guard !entry.timeText.isEmpty, entry.line >= 1, entry.line <= lines.count else { return nil }
    let line = lines[entry.line - 1]
    guard let stamp = TimeStampReader.read(entry.timeText), stamp.hasTime, !stamp.unreadable else { return nil }
    var style: TimelineLineStyle
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    if trimmed.hasPrefix("|") {
      let cells = TableCells.split(line)
      guard let time = cells.firstIndex(where: { $0.contains(entry.timeText) }) else { return nil }
      let header = TableCells.header(above: entry.line, lines: lines)
      // A separate date column: the new row could not say its day.
      if let header, header.indices.contains(where: { $0 != time && header[$0].lowercased().hasPrefix("date") }) { return nil }
      let source = header?.firstIndex { $0.trimmingWhitespace().lowercased().hasPrefix("source") }
      let words = Set(TextSimilarity.words(entry.text))
      let event = cells.indices.filter { $0 != time && $0 != source }.max { a, b in
        Set(TextSimilarity.words(cells[a])).intersection(words).count < Set(TextSimilarity.words(cells[b])).intersection(words).count
      }
      guard let event else { return nil }
      style = TimelineLineStyle(shape: .row(columns: max(cells.count, header?.count ?? 0), time: time, event: event, source: source))
    } else {
      guard let range = line.range(of: entry.timeText), Self.isMarkup(line[..<range.lowerBound]) else { return nil }
      let prefix = String(line[..<range.lowerBound])
      let separator = String(line[range.upperBound...].prefix { !$0.isLetter && !$0.isNumber && $0 != "[" && $0 != "<" && $0 != "(" && $0 != "@" && $0 != "#" })
      guard !separator.isEmpty || prefix.isEmpty == false else { return nil }
      style = TimelineLineStyle(shape: .line(prefix: prefix, separator: separator.isEmpty ? " " : separator))
      if line.hasSuffix("  ") { style.lineEnd = "  " } else if line.hasSuffix("\\") { style.lineEnd = "\\" }
    }
    let text = stamp.text
    let lowered = text.lowercased()
    if let meridiem = ["am", "pm", "a.m", "p.m"].compactMap({ lowered.range(of: $0) }).first {
      style.twelveHour = true
      style.lowercaseMeridiem = text[meridiem].first?.isLowercase == true
      style.spaceBeforeMeridiem = meridiem.lowerBound > lowered.startIndex && lowered[lowered.index(before: meridiem.lowerBound)] == " "
    }
    style.seconds = stamp.second != nil
    style.date = stamp.date != nil
    if style.date, text.count > 10, text.utf8.count >= 11, Array(text.utf8)[10] == UInt8(ascii: "T") { style.dateSeparator = "T" }
    style.zone = stamp.zone
    if let zone = stamp.zone, text.hasSuffix(zone), !text.hasSuffix(" " + zone) { style.zoneSeparator = "" }
    if let hour = stamp.hour {
      let digits = text.drop { !$0.isNumber }
      // `9:05` or `09:05`: the hour's digits before its colon, after any date.
      if !style.date, hour < 10 { style.padHour = digits.hasPrefix("0") }
    }
    return style
  }

  /// Only markup before the time: indentation, a bullet or an ordered list's number
  /// (`1.`, `2)`), emphasis, a quote's `>`.
  static func isMarkup(_ text: Substring) -> Bool {
    var rest = text.drop { $0 == " " || $0 == "\t" || $0 == ">" }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, let mark = rest.dropFirst(digits.count).first, mark == "." || mark == ")" {
      rest = rest.dropFirst(digits.count + 1)
    }
    return rest.allSatisfy { !$0.isLetter && !$0.isNumber }
  }

  /// The time of `instant` in `zone`, written as this style writes it; the date goes in
  /// when the style writes one or `withDate` asks for it.
  func time(_ instant: Date, in zone: TimeZone, withDate: Bool) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    var hour = parts.hour ?? 0
    var text = ""
    if date || withDate { text += "\(parts.year ?? 1970)-\(two(parts.month ?? 1))-\(two(parts.day ?? 1))" + dateSeparator }
    var meridiem = ""
    if twelveHour {
      meridiem = hour >= 12 ? "PM" : "AM"
      if lowercaseMeridiem { meridiem = meridiem.lowercased() }
      hour = hour % 12 == 0 ? 12 : hour % 12
      text += String(hour)
    } else {
      text += padHour || date || withDate ? two(hour) : String(hour)
    }
    text += ":" + two(parts.minute ?? 0)
    if seconds { text += ":" + two(parts.second ?? 0) }
    if twelveHour { text += (spaceBeforeMeridiem ? " " : "") + meridiem }
    if let zone = self.zone { text += zoneSeparator + zone }
    return text
  }

  /// The entry as a line of this style.
  func line(time: String, text: String, source: String, sourcedText: String) -> String {
    switch shape {
    case .line(let prefix, let separator):
      return prefix + time + separator + sourcedText + lineEnd
    case .row(let columns, let timeColumn, let event, let sourceColumn):
      var cells = Array(repeating: "", count: max(columns, timeColumn + 1, event + 1, (sourceColumn ?? 0) + 1))
      cells[timeColumn] = time
      cells[event] = sourceColumn == nil ? sourcedText : text
      if let sourceColumn { cells[sourceColumn] = source }
      return "| " + cells.joined(separator: " | ") + " |"
    }
  }
}
