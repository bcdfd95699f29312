import Foundation
import RetroCore

/// Renders action-item rows for `retro actions`.
public struct ActionListRenderer: Sendable {
  public var width: Int
  public var color: Bool
  /// The day the listing is for: the calendar export stamps its events with it.
  public var asOf: CalendarDate?

  public init(width: Int = 120, color: Bool = false, asOf: CalendarDate? = nil) {
    self.width = width
    self.color = color
    self.asOf = asOf
  }

  public func render(_ rows: [ActionItemRow], format: ActionListFormat) -> String {
    switch format {
    case .table: return table(rows)
    case .json: return json(rows)
    case .csv: return csv(rows)
    case .markdown: return markdown(rows)
    case .ics: return ICalendarExport(asOf: asOf ?? CalendarDate(year: 2000, month: 1, day: 1)!).render(rows)
    case .ghIssues: return GitHubIssueScript().render(rows)
    case .jiraCSV: return JiraCSVExport().render(rows)
    }
  }

  static func dueText(_ row: ActionItemRow) -> String {
    guard let due = row.due else { return "—" }
    return row.daysOverdue.map { "\(due) (\($0)d over)" } ?? due
  }

  static func ownersText(_ row: ActionItemRow) -> String {
    row.owners.isEmpty ? "(none)" : row.owners.joined(separator: ", ")
  }

  /// `file.md:12`: the table has no room for folders (JSON and CSV keep the whole path).
  static func shortLocation(_ row: ActionItemRow) -> String {
    "\(URL(fileURLWithPath: row.path).lastPathComponent):\(row.line)"
  }

  static func reportText(_ row: ActionItemRow) -> String {
    [row.reportDate, row.reportTitle].compactMap { $0 }.joined(separator: " ")
  }

  // MARK: - Table

  /// Columns fit the width: the item and report columns shrink first, with an ellipsis.
  /// Cells show report text with its control characters made visible (`VisibleText`).
  func table(_ rows: [ActionItemRow]) -> String {
    let headers = ["ID", "ITEM", "OWNERS", "DUE", "AGE", "STATUS", "TICKET", "REPORT", "WHERE"]
    let cells = rows.map { row in
      [
        row.id, row.text, Self.ownersText(row), Self.dueText(row), row.ageDays.map { "\($0)d" } ?? "—", Self.statusText(row),
        Self.ticketText(row), Self.reportText(row), Self.shortLocation(row),
      ].map { VisibleText.escape($0) }
    }
    var widths = headers.indices.map { column in
      max(headers[column].count, cells.map { $0[column].count }.max() ?? 0)
    }
    let gap = 2
    // Report, where, ticket and owners give way first; the item keeps the most room.
    let flexible = [7, 8, 6, 2, 1]
    let minimum = [10, 24, 10, 10, 3, 4, 8, 14, 16]
    var total = widths.reduce(0, +) + gap * (widths.count - 1)
    for column in flexible where total > width {
      let cut = min(total - width, widths[column] - minimum[column])
      if cut > 0 {
        widths[column] -= cut
        total -= cut
      }
    }
    func line(_ values: [String], overdue: Bool = false) -> String {
      let text = values.enumerated().map { column, value -> String in
        let fitted = value.count > widths[column] ? String(value.prefix(max(1, widths[column] - 1))) + "…" : value
        return column == values.count - 1 ? fitted : fitted.padding(toLength: widths[column], withPad: " ", startingAt: 0)
      }.joined(separator: String(repeating: " ", count: gap))
      return overdue && color ? "\u{1B}[31m\(text)\u{1B}[0m" : text
    }
    var out = line(headers) + "\n"
    for (index, row) in rows.enumerated() { out += line(cells[index], overdue: row.daysOverdue != nil) + "\n" }
    let open = rows.filter { $0.status == "open" }.count
    let overdue = rows.filter { $0.daysOverdue != nil }.count
    let unowned = rows.filter { $0.owners.isEmpty && $0.status == "open" }.count
    out += "\n\(rows.count) items: \(open) open, \(overdue) overdue, \(unowned) open without an owner\n"
    return out
  }

  // MARK: - JSON, CSV, Markdown

  func json(_ rows: [ActionItemRow]) -> String {
    jsonEncoded(rows)
  }

  /// Pretty, key-sorted JSON: the form every JSON output of retro takes.
  public func jsonEncoded<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self) + "\n"
  }

  static func csvField(_ value: String) -> String {
    var bytes: [UInt8] = []
    appendCSVField(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A CSV field: as it is, or quoted with its quotes doubled when it holds a comma, a quote
  /// or a line break. By bytes: Foundation's replacing was the slowest part of a long listing.
  static func appendCSVField(_ value: String, to out: inout [UInt8]) {
    var value = value
    value.withUTF8 { utf8 in
      let needsQuotes = utf8.contains { (byte: UInt8) -> Bool in
        byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D  // , " LF CR
      }
      guard needsQuotes else {
        out.append(contentsOf: utf8)
        return
      }
      out.append(0x22)
      for byte in utf8 {
        out.append(byte)
        if byte == 0x22 { out.append(0x22) }
      }
      out.append(0x22)
    }
  }

  /// The status, and what the report says when the tracker made it differ.
  static func statusText(_ row: ActionItemRow) -> String {
    guard let report = row.reportStatus, report != row.status else { return row.status }
    return "\(row.status) (report: \(report))"
  }

  /// The tracker's word on the ticket when there is one, else the first ticket named.
  static func ticketText(_ row: ActionItemRow) -> String {
    row.tracker ?? row.tickets.first ?? "—"
  }

  func csv(_ rows: [ActionItemRow]) -> String {
    // The tracker columns only when a tracker is joined, so other listings keep their shape.
    let tracked = rows.contains { $0.tracker != nil }
    var out: [UInt8] = []
    out.reserveCapacity(rows.count * 240 + 128)
    out += "id,item,owners,due,days_overdue,age_days,status,tickets,report_title,report_date,severity,path,line".utf8
    out += (tracked ? ",report_status,tracker\n" : "\n").utf8
    // Fields are appended as bytes straight to the output: no array and no line per row.
    func field(_ value: String, last: Bool = false) {
      Self.appendCSVField(value, to: &out)
      out.append(last ? 0x0A : 0x2C)
    }
    for row in rows {
      field(row.id)
      field(row.text)
      field(row.owners.count == 1 ? row.owners[0] : row.owners.joined(separator: "; "))
      field(row.due ?? "")
      field(row.daysOverdue.map(String.init) ?? "")
      field(row.ageDays.map(String.init) ?? "")
      field(row.status)
      field(row.tickets.count == 1 ? row.tickets[0] : row.tickets.joined(separator: " "))
      field(row.reportTitle ?? "")
      field(row.reportDate ?? "")
      field(row.severity ?? "")
      field(row.path)
      field(String(row.line), last: !tracked)
      if tracked {
        field(row.reportStatus ?? row.status)
        field(row.tracker ?? "", last: true)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func markdownCell(_ value: String) -> String {
    VisibleText.escape(value.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " "))
  }

  func markdown(_ rows: [ActionItemRow]) -> String {
    var out = "| ID | Item | Owners | Due | Age | Status | Ticket | Report | Where |\n"
    out += "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
    for row in rows {
      let cells = [
        row.id, row.text, Self.ownersText(row), Self.dueText(row), row.ageDays.map { "\($0)d" } ?? "—", Self.statusText(row),
        Self.ticketText(row), Self.reportText(row), row.location,
      ]
      out += "| " + cells.map(Self.markdownCell).joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// Groups of recurring items, for `--recurring`.
  public func recurring(_ groups: [RecurringItems.Group], format: ActionListFormat) -> String {
    if format == .json { return jsonEncoded(groups) }
    guard !groups.isEmpty else { return "No action item was promised in more than one report.\n" }
    var out = ""
    for (index, group) in groups.enumerated() {
      out += format == .markdown ? "### Recurring \(index + 1)\n\n" : "Recurring \(index + 1): promised in \(Set(group.items.map(\.path)).count) reports\n"
      for item in group.items {
        let bullet = format == .markdown ? "- " : "  "
        let line = "[\(item.status)] \(item.text) — \(Self.reportText(item)) (\(item.location))"
        out += bullet + VisibleText.escape(line) + "\n"
      }
      out += "\n"
    }
    return out
  }
}
