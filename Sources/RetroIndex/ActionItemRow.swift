import RetroCore

/// An action item with its report, as `retro actions` lists it.
public struct ActionItemRow: Sendable, Equatable, Codable {
  public var id: String
  public var text: String
  public var owners: [String]
  public var due: String?
  /// Days past due on the as-of date, when open and overdue.
  public var daysOverdue: Int?
  /// Days since the incident (or since the item was first seen, when the report has no date).
  public var ageDays: Int?
  public var status: String
  public var tickets: [String]
  public var priority: String?
  public var type: String?
  public var reportTitle: String?
  public var reportDate: String?
  public var severity: String?
  public var tags: [String]
  public var services: [String]
  public var path: String
  public var line: Int
  public var closedAt: String?
  public var firstSeenAt: String
  /// The root folder the report lies under, when one index covers several (`Teams`).
  public var team: String? = nil
  /// The ticket's state from the tracker exports (`OPS-412 closed 2024-03-02`), when the
  /// item's ticket is in one; `status` then counts a closed ticket as done.
  public var tracker: String? = nil
  /// What the report itself says (`open` or `done`), when a tracker is joined.
  public var reportStatus: String? = nil

  /// `path:line`.
  public var location: String { "\(path):\(line)" }

  /// The row as the JSON encoder writes it (keys sorted, nil left out), by hand: listings
  /// and digests write tens of thousands of rows.
  public func write(to json: inout PrettyJSONWriter) {
    json.beginObject()
    json.field("ageDays", ageDays)
    json.field("closedAt", closedAt)
    json.field("daysOverdue", daysOverdue)
    json.field("due", due)
    json.field("firstSeenAt", firstSeenAt)
    json.field("id", id)
    json.field("line", line)
    json.key("owners")
    json.strings(owners)
    json.field("path", path)
    json.field("priority", priority)
    json.field("reportDate", reportDate)
    json.field("reportStatus", reportStatus)
    json.field("reportTitle", reportTitle)
    json.key("services")
    json.strings(services)
    json.field("severity", severity)
    json.field("status", status)
    json.key("tags")
    json.strings(tags)
    json.field("team", team)
    json.field("text", text)
    json.key("tickets")
    json.strings(tickets)
    json.field("tracker", tracker)
    json.field("type", type)
    json.endObject()
  }

  /// A list of rows as JSON.
  public static func write(_ rows: [ActionItemRow], to json: inout PrettyJSONWriter) {
    json.beginArray()
    for row in rows {
      json.element()
      row.write(to: &json)
    }
    json.endArray()
  }
}
