import Foundation

/// What carries from one timeline entry to the next: the day, the zone, the last time seen.
struct TimelineContext {
  static let meridiems = ["am", "pm", "a.m", "p.m"].map { Array($0.utf8) }

  var date: CalendarDate?
  var zone: String?
  var defaultZone: String
  var order: DateOrder
  var fallbackYear: Int?
  /// Minutes past midnight of the previous timed entry, for rolling over midnight.
  var previousMinutes: Int?
  /// Set once a 12-hour timeline without AM/PM has run past noon (`11:40`, `12:16`,
  /// `1:52`): later small hours are afternoon too.
  var afternoon = false
  /// The report's own date: a date written without a year that would fall months after it
  /// (`12-05` in a report of 2019-03-26) is of the year before.
  var reportDate: CalendarDate?

  /// Resolves a stamp into an instant, carrying its date forward and rolling a time that
  /// jumps back by more than twelve hours over to the next day (23:50 then 00:10).
  mutating func resolve(_ stamp: TimeStamp, tableZone: String? = nil) -> (Date?, String?) {
    let zoneName = stamp.zone ?? tableZone ?? zone ?? defaultZone
    if stamp.unreadable { return (nil, zoneName) }
    var day = date
    if let parts = stamp.date, var explicit = parts.resolve(order: order, fallbackYear: date?.year ?? fallbackYear) {
      if parts.year == nil, let reportDate,
        let sameYear = parts.resolve(order: order, fallbackYear: reportDate.year)
      {
        explicit = sameYear
        if reportDate.days(to: sameYear) > 62, let before = parts.resolve(order: order, fallbackYear: reportDate.year - 1) {
          explicit = before
        }
      }
      day = explicit
      date = explicit
      previousMinutes = nil
      afternoon = false
    }
    guard let statedHour = stamp.hour, let minute = stamp.minute else {
      guard stamp.date != nil, let day else { return (nil, zoneName) }
      return (instant(day, 0, 0, 0, zoneName), zoneName)
    }
    var hour = statedHour
    let lowered = ByteSearch.lowercasedASCII(stamp.text)
    let meridiem = Self.meridiems.contains { ByteSearch.contains(lowered, $0) }
    // `13:05`, `09:10` or `4:10 PM` say which clock it is.
    if meridiem || hour >= 13 || hour == 0 || stamp.text.hasPrefix("0") { afternoon = false }
    let bare = !meridiem && !stamp.text.hasPrefix("0") && (1...11).contains(hour)
    if bare, stamp.date == nil, let previous = previousMinutes {
      // A 12-hour clock written without AM/PM runs from 11:xx or 12:xx on to 1:xx.
      if afternoon || ((11 * 60..<13 * 60).contains(previous) && hour * 60 + minute < previous) {
        afternoon = true
        hour += 12
      }
    }
    let minutes = hour * 60 + minute
    if stamp.date == nil, let previous = previousMinutes, previous - minutes > 12 * 60, let current = day {
      day = current.next
      date = day
    }
    previousMinutes = minutes
    guard let day else { return (nil, zoneName) }
    return (instant(day, hour, minute, stamp.second ?? 0, zoneName), zoneName)
  }

  private func instant(_ day: CalendarDate, _ hour: Int, _ minute: Int, _ second: Int, _ zoneName: String) -> Date? {
    guard let zone = TimeZoneResolver.zone(named: zoneName) else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar.date(
      from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second))
  }
}
