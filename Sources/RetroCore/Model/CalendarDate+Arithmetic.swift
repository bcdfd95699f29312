extension CalendarDate {
  /// The day `days` later (earlier when negative).
  public func adding(days: Int) -> CalendarDate {
    var day = self
    if days >= 0 {
      for _ in 0..<days { day = day.next }
      return day
    }
    // Walk back through month starts without a calendar object.
    for _ in 0..<(-days) {
      if let previous = CalendarDate(year: day.year, month: day.month, day: day.day - 1) {
        day = previous
      } else if day.month > 1, let last = CalendarDate(year: day.year, month: day.month - 1, day: CalendarDate.daysIn(month: day.month - 1, year: day.year)) {
        day = last
      } else if let last = CalendarDate(year: day.year - 1, month: 12, day: 31) {
        day = last
      }
    }
    return day
  }
}
