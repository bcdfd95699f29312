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
  /// `2024-03-08T15:30:00Z`: UTC, whole seconds. Worked out from the seconds since 1970
  /// (the civil-from-days algorithm) rather than with a formatter made per call, which was
  /// the index's largest cost after parsing.
  public static func string(_ date: Date) -> String {
    let p = utcParts(date)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    let yearText = p.year >= 0 && p.year < 10_000 ? String(repeating: "0", count: 4 - String(p.year).count) + String(p.year) : String(p.year)
    return "\(yearText)-\(two(p.month))-\(two(p.day))T\(two(p.hour)):\(two(p.minute)):\(two(p.second))Z"
  }

  /// The UTC calendar parts of an instant, whole seconds (rounded down).
  public static func utcParts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let second = seconds - days * 86_400
    let (year, month, day) = civil(fromDays: days)
    return (year, month, day, second / 3600, second % 3600 / 60, second % 60)
  }

  /// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
  static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  public static func date(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
