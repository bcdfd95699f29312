import Foundation

/// A day on the calendar, with no time or zone: the date of an incident, a due date.
public struct CalendarDate: Sendable, Equatable, Hashable, Comparable, Codable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// Makes a date when the three numbers name a real day (no 31 February).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year),
      (1000...9999).contains(year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`.
  public init?(iso text: some StringProtocol) {
    // `YYYY-MM-DD`, the form the index stores, read by bytes: listings read thousands.
    let utf8 = text.utf8
    if utf8.count == 10 {
      var year = 0
      var month = 0
      var day = 0
      var valid = true
      var offset = 0
      for byte in utf8 {
        if offset == 4 || offset == 7 {
          valid = valid && byte == 0x2D
        } else if byte >= 0x30 && byte <= 0x39 {
          let digit = Int(byte - 0x30)
          if offset < 4 { year = year * 10 + digit } else if offset < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
        } else {
          valid = false
        }
        offset += 1
      }
      if valid {
        self.init(year: year, month: month, day: day)
        return
      }
    }
    let parts = text.split(separator: "-")
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
      return nil
    }
    self.init(year: y, month: m, day: d)
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The next day.
  public var next: CalendarDate {
    if let d = CalendarDate(year: year, month: month, day: day + 1) { return d }
    if let d = CalendarDate(year: year, month: month + 1, day: 1) { return d }
    return CalendarDate(year: year + 1, month: 1, day: 1) ?? self
  }

  /// Today in the machine's calendar and zone: what "today" means to the person running retro.
  public static func today() -> CalendarDate {
    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? CalendarDate(year: 2000, month: 1, day: 1)!
  }

  /// Days from `self` to `other` (negative when `other` is earlier).
  public func days(to other: CalendarDate) -> Int {
    other.julianDay - julianDay
  }

  var julianDay: Int {
    let a = (14 - month) / 12
    let y = year + 4800 - a
    let m = month + 12 * a - 3
    return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
  }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not YYYY-MM-DD"))
    }
    self = date
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
