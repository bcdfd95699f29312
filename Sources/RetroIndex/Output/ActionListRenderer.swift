import Foundation
import RetroCore

/// Renders action-item rows for `retro actions`.
public struct ActionListRenderer: Sendable {
  public var width: Int
  public var color: Bool
  /// The day the listing is for: the calendar export stamps its events with it.
  public var asOf: CalendarDate?
  /// Web links to report lines for the exports' back-links; nil leaves `path#Lline`.
  public var links: RepositoryLinks?

  public init(width: Int = 120, color: Bool = false, asOf: CalendarDate? = nil, links: RepositoryLinks? = nil) {
    self.width = width
    self.color = color
    self.asOf = asOf
    self.links = links
  }

  public func render(_ rows: [ActionItemRow], format: ActionListFormat) -> String {
    switch format {
    case .table: return table(rows)
    case .json: return json(rows)
    case .csv: return csv(rows)
    case .markdown: return markdown(rows)
    case .ics: return ICalendarExport(asOf: asOf ?? CalendarDate(year: 2000, month: 1, day: 1)!).render(rows)
    case .ghIssues: return GitHubIssueScript(links: links).render(rows)
    case .jiraCSV: return JiraCSVExport(links: links).render(rows)
    }
  }

  /// `2024-02-09 (3d over)`; a date a follow-up policy set says so: `2024-02-09 (policy, 3d over)`.
  static func dueText(_ row: ActionItemRow) -> String {
    guard let due = row.due else { return "—" }
    let notes = [row.duePolicy == nil ? nil : "policy", row.daysOverdue.map { "\($0)d over" }].compactMap { $0 }
    return notes.isEmpty ? due : "\(due) (\(notes.joined(separator: ", ")))"
  }

  static func ownersText(_ row: ActionItemRow) -> String {
    row.owners.isEmpty ? "(none)" : row.owners.joined(separator: ", ")
  }

  /// `file.md:12`: the table has no room for folders (JSON and CSV keep the whole path).
  static func shortLocation(_ row: ActionItemRow) -> String {
    let path = row.path
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), path.utf8.index(after: slash) != path.utf8.endIndex else {
      return "\(URL(fileURLWithPath: path).lastPathComponent):\(row.line)"
    }
    return "\(path[path.utf8.index(after: slash)...]):\(row.line)"
  }

  /// A cell's width in characters. Cells are escaped (`VisibleText`), so an ASCII cell has no
  /// CR LF pair and its width is its byte count.
  static func width(_ cell: String) -> Int {
    cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
  }

  /// `cell` padded with spaces to `length` as `padding(toLength:withPad:startingAt:)` does
  /// it (which counts UTF-16 units), without Foundation for the ASCII cells nearly all are.
  static func padded(_ cell: String, to length: Int) -> String {
    guard cell.utf8.allSatisfy({ $0 < 0x80 }) else { return cell.padding(toLength: length, withPad: " ", startingAt: 0) }
    let count = cell.utf8.count
    if count >= length { return count == length ? cell : String(cell.utf8.prefix(length))! }
    return cell + String(repeating: " ", count: length - count)
  }

  static func reportText(_ row: ActionItemRow) -> String {
    [row.reportDate, row.reportTitle].compactMap { $0 }.joined(separator: " ")
  }

  // MARK: - Table

  /// Columns fit the width: the report, where, ticket and owners columns shrink first, with
  /// an ellipsis; when that is not enough (80 columns), WHERE, REPORT, AGE and TICKET are left
  /// out in that order and the room goes to the item. Cells show report text with its control
  /// characters made visible (`VisibleText`).
  func table(_ rows: [ActionItemRow]) -> String {
    let allHeaders = ["ID", "ITEM", "OWNERS", "DUE", "AGE", "STATUS", "TICKET", "REPORT", "WHERE"]
    let allCells = rows.map { row in
      [
        row.id, row.text, Self.ownersText(row), Self.dueText(row), row.ageDays.map { "\($0)d" } ?? "—", Self.statusText(row),
        Self.ticketText(row), Self.reportText(row), Self.shortLocation(row),
      ].map { VisibleText.escape($0) }
    }
    let gap = 2
    let allMinimum = [10, 24, 10, 10, 3, 4, 8, 14, 16]
    // Report, where, ticket and owners give way first; the item keeps the most room.
    let shrinkOrder = [7, 8, 6, 2, 1]
    let natural = allHeaders.indices.map { column in
      max(allHeaders[column].count, allCells.map { Self.width($0[column]) }.max() ?? 0)
    }
    func fit(_ kept: [Int]) -> (widths: [Int], total: Int) {
      var widths = kept.map { natural[$0] }
      var total = widths.reduce(0, +) + gap * (widths.count - 1)
      for column in shrinkOrder where total > width {
        guard let index = kept.firstIndex(of: column) else { continue }
        // With columns left out, the item may go down to 20.
        let floor = column == 1 && kept.count < allHeaders.count ? 20 : allMinimum[column]
        let cut = min(total - width, widths[index] - floor)
        if cut > 0 {
          widths[index] -= cut
          total -= cut
        }
      }
      return (widths, total)
    }
    var kept = Array(allHeaders.indices)
    var fitted = fit(kept)
    for dropped in [8, 7, 4, 6] where fitted.total > width {
      kept.removeAll { $0 == dropped }
      fitted = fit(kept)
    }
    let widths = fitted.widths
    let headers = kept.map { allHeaders[$0] }
    let cells = allCells.map { row in kept.map { row[$0] } }
    let cellWidths = cells.map { $0.map(Self.width) }
    let separator = String(repeating: " ", count: gap)
    func line(_ values: [String], widths cellWidths: [Int], overdue: Bool = false) -> String {
      var text = ""
      for (column, value) in values.enumerated() {
        if column > 0 { text += separator }
        let fitted = cellWidths[column] > widths[column] ? String(value.prefix(max(1, widths[column] - 1))) + "…" : value
        text += column == values.count - 1 ? fitted : Self.padded(fitted, to: widths[column])
      }
      return overdue && color ? "\u{1B}[31m\(text)\u{1B}[0m" : text
    }
    var out = line(headers, widths: headers.map(\.count)) + "\n"
    var (open, overdue, unowned) = (0, 0, 0)
    for (index, row) in rows.enumerated() {
      out += line(cells[index], widths: cellWidths[index], overdue: row.daysOverdue != nil) + "\n"
      if row.status == "open" { open += 1 }
      if row.daysOverdue != nil { overdue += 1 }
      if row.owners.isEmpty && row.status == "open" { unowned += 1 }
    }
    out += "\n\(rows.count) items: \(open) open, \(overdue) overdue, \(unowned) open without an owner\n"
    return out
  }

  // MARK: - JSON, CSV, Markdown

  func json(_ rows: [ActionItemRow]) -> String {
    Pieces.joined { writeJSON(rows, to: $0) }
  }

  func writeJSON(_ rows: [ActionItemRow], to output: (String) -> Void) {
    PrettyJSONWriter.stream(to: output) { ActionItemRow.write(rows, to: &$0) }
  }

  /// The output handed over in pieces: JSON and CSV are written as they go, so a listing
  /// of tens of thousands of items is never held whole; other formats come in one piece.
  public func write(_ rows: [ActionItemRow], format: ActionListFormat, to output: (String) -> Void) {
    switch format {
    case .json: writeJSON(rows, to: output)
    case .csv: writeCSV(rows, to: output)
    default: output(render(rows, format: format))
    }
  }

  /// `recurring` in pieces, as `write` does.
  public func writeRecurring(_ groups: [RecurringItems.Group], format: ActionListFormat, to output: (String) -> Void) {
    guard format == .json else { return output(recurring(groups, format: format)) }
    PrettyJSONWriter.stream(to: output) { json in
      json.beginArray()
      for group in groups {
        json.element()
        json.beginObject()
        json.key("items")
        ActionItemRow.write(group.items, to: &json)
        json.endObject()
      }
      json.endArray()
    }
  }

  /// Pretty, key-sorted JSON: the form every JSON output of retro takes.
  public func jsonEncoded<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self) + "\n"
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
    Pieces.joined { writeCSV(rows, to: $0) }
  }

  func writeCSV(_ rows: [ActionItemRow], to output: (String) -> Void) {
    // The tracker columns only when a tracker is joined, so other listings keep their shape.
    let tracked = rows.contains { $0.tracker != nil }
    var out: [UInt8] = []
    out.reserveCapacity(min(rows.count * 240, 1 << 20) + 1 << 16)
    out += "id,item,owners,due,days_overdue,age_days,status,tickets,report_title,report_date,severity,path,line,team,services,tags,retro_status,due_policy".utf8
    out += (tracked ? ",report_status,tracker\n" : "\n").utf8
    // Fields are appended as bytes straight to the output: no array and no line per row.
    func field(_ value: String, last: Bool = false) {
      CSVField.append(value, to: &out)
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
      field(String(row.line))
      field(row.team ?? "")
      field(row.services.joined(separator: "; "))
      field(row.tags.joined(separator: "; "))
      field(row.retroStatus ?? "")
      field(row.duePolicy ?? "", last: !tracked)
      if tracked {
        field(row.reportStatus ?? row.status)
        field(row.tracker ?? "", last: true)
      }
      if out.count >= 1 << 20 {
        output(String(decoding: out, as: UTF8.self))
        out.removeAll(keepingCapacity: true)
      }
    }
    output(String(decoding: out, as: UTF8.self))
  }

  static func markdownCell(_ value: String) -> String {
    // Foundation's replacing only for the few cells that need it: it was most of a long listing.
    guard value.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == 0x0A }) else { return VisibleText.escape(value) }
    return VisibleText.escape(value.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " "))
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
    if format == .json { return Pieces.joined { writeRecurring(groups, format: format, to: $0) } }
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
