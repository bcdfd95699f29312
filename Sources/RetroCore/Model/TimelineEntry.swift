import Foundation

/// One event on an incident's timeline.
public struct TimelineEntry: Sendable, Equatable, Codable {
  /// The time as written (`18:45`, `6:45 PM PST`, `2019-02-25 18:45 UTC`), or "" when the
  /// entry has none.
  public var timeText: String
  /// The moment, when date, time and zone could all be resolved.
  public var instant: Date?
  /// The event, markup removed.
  public var text: String
  public var kind: TimelineEventKind?
  /// The zone the time was read in (an abbreviation, offset or IANA name).
  public var timeZone: String?
  public var line: Int
  /// Extra table columns, by header.
  public var fields: [String: String]

  public init(
    timeText: String, instant: Date?, text: String, kind: TimelineEventKind? = nil,
    timeZone: String? = nil, line: Int, fields: [String: String] = [:]
  ) {
    self.timeText = timeText
    self.instant = instant
    self.text = text
    self.kind = kind
    self.timeZone = timeZone
    self.line = line
    self.fields = fields
  }

  enum CodingKeys: String, CodingKey { case timeText, instant, text, kind, timeZone, line, fields }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(timeText, forKey: .timeText)
    try c.encode(instant.map(ISO8601.string), forKey: .instant)
    try c.encode(text, forKey: .text)
    try c.encode(kind, forKey: .kind)
    try c.encode(timeZone, forKey: .timeZone)
    try c.encode(line, forKey: .line)
    try c.encode(fields, forKey: .fields)
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    timeText = try c.decode(String.self, forKey: .timeText)
    instant = try c.decodeIfPresent(String.self, forKey: .instant).flatMap(ISO8601.date)
    text = try c.decode(String.self, forKey: .text)
    kind = try c.decodeIfPresent(TimelineEventKind.self, forKey: .kind)
    timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone)
    line = try c.decode(Int.self, forKey: .line)
    fields = try c.decodeIfPresent([String: String].self, forKey: .fields) ?? [:]
  }
}

/// ISO 8601 instants in UTC (`2019-02-25T18:45:00Z`), the form every JSON output uses.
public enum ISO8601 {
  public static func string(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  public static func date(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
