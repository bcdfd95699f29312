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
  /// The status of the retro the item is in (`draft`, `in-review`, `final`), as its metadata
  /// says.
  public var retroStatus: String? = nil
  /// The date a heading above the item names (`### Incident on 2023-08-04` in a log of
  /// incidents), when one does: the incident the item is about.
  public var incidentDate: String? = nil
  /// Why the item is due when its due date comes from a follow-up policy, not the report
  /// (`SEV2 policy: items are due 30 days after the incident`).
  public var duePolicy: String? = nil

  /// Every key, `null` when unknown, as `write(to:)` writes it by hand.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(text, forKey: .text)
    try c.encode(owners, forKey: .owners)
    try c.encode(due, forKey: .due)
    try c.encode(daysOverdue, forKey: .daysOverdue)
    try c.encode(ageDays, forKey: .ageDays)
    try c.encode(status, forKey: .status)
    try c.encode(tickets, forKey: .tickets)
    try c.encode(priority, forKey: .priority)
    try c.encode(type, forKey: .type)
    try c.encode(reportTitle, forKey: .reportTitle)
    try c.encode(reportDate, forKey: .reportDate)
    try c.encode(severity, forKey: .severity)
    try c.encode(tags, forKey: .tags)
    try c.encode(services, forKey: .services)
    try c.encode(path, forKey: .path)
    try c.encode(line, forKey: .line)
    try c.encode(closedAt, forKey: .closedAt)
    try c.encode(firstSeenAt, forKey: .firstSeenAt)
    try c.encode(team, forKey: .team)
    try c.encode(tracker, forKey: .tracker)
    try c.encode(reportStatus, forKey: .reportStatus)
    try c.encode(retroStatus, forKey: .retroStatus)
    try c.encode(incidentDate, forKey: .incidentDate)
    try c.encode(duePolicy, forKey: .duePolicy)
  }

  /// `path:line`.
  public var location: String { "\(path):\(line)" }

  /// The row as JSON, keys sorted and every key there (`null` when a value is unknown, as
  /// `retro show` writes a report), by hand: listings and digests write tens of thousands of
  /// rows.
  public func write(to json: inout PrettyJSONWriter) {
    json.beginObject()
    json.keptField("ageDays", ageDays)
    json.keptField("closedAt", closedAt)
    json.keptField("daysOverdue", daysOverdue)
    json.keptField("due", due)
    json.keptField("duePolicy", duePolicy)
    json.keptField("firstSeenAt", firstSeenAt)
    json.keptField("id", id)
    json.keptField("incidentDate", incidentDate)
    json.keptField("line", line)
    json.key("owners")
    json.strings(owners)
    json.keptField("path", path)
    json.keptField("priority", priority)
    json.keptField("reportDate", reportDate)
    json.keptField("reportStatus", reportStatus)
    json.keptField("reportTitle", reportTitle)
    json.keptField("retroStatus", retroStatus)
    json.key("services")
    json.strings(services)
    json.keptField("severity", severity)
    json.keptField("status", status)
    json.key("tags")
    json.strings(tags)
    json.keptField("team", team)
    json.keptField("text", text)
    json.key("tickets")
    json.strings(tickets)
    json.keptField("tracker", tracker)
    json.keptField("type", type)
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
