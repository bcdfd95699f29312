extension CalendarDate {
  /// The first and last days a `CalendarDate` can name (years 1000 to 9999).
  public static let earliest = CalendarDate(year: 1000, month: 1, day: 1)!
  public static let latest = CalendarDate(year: 9999, month: 12, day: 31)!

  /// The day `days` later (earlier when negative), worked out from the day number, so any
  /// count takes the same time; a result past the years a date can name is the first or
  /// last such day (`earliest`, `latest`).
  public func adding(days: Int) -> CalendarDate {
    let (target, overflow) = julianDay.addingReportingOverflow(days)
    if overflow { return days > 0 ? Self.latest : Self.earliest }
    if target <= Self.earliest.julianDay { return Self.earliest }
    if target >= Self.latest.julianDay { return Self.latest }
    return CalendarDate(julianDay: target)
  }

  /// The date of a Julian day number (the inverse of `julianDay`, Richards' algorithm),
  /// for day numbers between `earliest` and `latest`.
  init(julianDay: Int) {
    let a = julianDay + 32044
    let b = (4 * a + 3) / 146_097
    let c = a - 146_097 * b / 4
    let d = (4 * c + 3) / 1461
    let e = c - 1461 * d / 4
    let m = (5 * e + 2) / 153
    self = CalendarDate(year: 100 * b + d - 4800 + m / 10, month: m + 3 - 12 * (m / 10), day: e - (153 * m + 2) / 5 + 1) ?? .earliest
  }
}
