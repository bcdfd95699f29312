import Foundation
import RetroCore

/// `retro actions --format ics`: an iCalendar file (RFC 5545) with one all-day event per open
/// item that has a due date, so a calendar subscribed to the file shows what falls due when.
///
/// Events rather than to-dos: Google Calendar and most subscriptions ignore `VTODO`. Each
/// event's UID is the item's id and its report's path hashed, so a refreshed subscription
/// updates events instead of duplicating them; `DTSTAMP` is the as-of date, so the same
/// index gives the same bytes.
public struct ICalendarExport: Sendable {
  public var asOf: CalendarDate

  public init(asOf: CalendarDate) {
    self.asOf = asOf
  }

  public func render(_ rows: [ActionItemRow]) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//retro//retro actions//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "X-WR-CALNAME:Action items due",
    ]
    let stamp = Self.basic(asOf) + "T000000Z"
    for row in rows where row.status == "open" {
      guard let dueText = row.due, let due = CalendarDate(iso: dueText) else { continue }
      var description = "From \(row.reportTitle ?? row.path) (\(row.location))."
      if !row.owners.isEmpty { description += " Owners: \(row.owners.joined(separator: ", "))." }
      if !row.tickets.isEmpty { description += " Tickets: \(row.tickets.joined(separator: ", "))." }
      lines += [
        "BEGIN:VEVENT",
        "UID:\(Self.uid(row))",
        "DTSTAMP:\(stamp)",
        "DTSTART;VALUE=DATE:\(Self.basic(due))",
        "DTEND;VALUE=DATE:\(Self.basic(due.next))",
        "SUMMARY:\(Self.text(row.text))",
        "DESCRIPTION:\(Self.text(description))",
        "CATEGORIES:" + (row.owners.isEmpty ? ["unowned"] : row.owners).map(Self.text).joined(separator: ","),
        "STATUS:CONFIRMED",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
  }

  /// `20240401`.
  static func basic(_ date: CalendarDate) -> String {
    date.description.replacingOccurrences(of: "-", with: "")
  }

  static func uid(_ row: ActionItemRow) -> String {
    let id = row.id.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    return "\(id)-\(ContentHash.of(Data(row.path.utf8)))@retro"
  }

  /// A TEXT value: backslash, semicolon, comma and line breaks escaped as RFC 5545 says, and
  /// other control characters (which TEXT may not hold) made visible.
  static func text(_ value: String) -> String {
    VisibleText.escape(value, keepingLineBreaks: true)
      .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
      .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
  }

  /// Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 sequence.
  static func fold(_ line: String) -> String {
    let bytes = Array(line.utf8)
    guard bytes.count > 75 else { return line }
    var parts: [String] = []
    var start = 0
    var limit = 75
    while start < bytes.count {
      var end = min(bytes.count, start + limit)
      while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // a continuation byte
      parts.append(String(decoding: bytes[start..<end], as: UTF8.self))
      start = end
      limit = 74  // the leading space counts
    }
    return parts.joined(separator: "\r\n ")
  }
}
