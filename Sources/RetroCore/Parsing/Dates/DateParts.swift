/// A date as written, before the day/month order of numeric dates is settled.
public struct DateParts: Sendable, Equatable {
  public var year: Int?
  /// For numeric dates, the first and second number as written; for dates with a month
  /// name or in year-first order, the month and the day.
  public var first: Int
  public var second: Int
  /// True when the order is certain: a month name, or year-month-day.
  public var ordered: Bool

  public init(year: Int?, first: Int, second: Int, ordered: Bool) {
    self.year = year
    self.first = first
    self.second = second
    self.ordered = ordered
  }

  /// What this date says about day/month order, if anything.
  public var evidence: DateOrder? {
    guard !ordered else { return nil }
    if first > 12 && second <= 12 { return .dayFirst }
    if second > 12 && first <= 12 { return .monthFirst }
    return nil
  }

  /// The month and day, reading an ambiguous numeric date in `order`.
  public func monthDay(order: DateOrder) -> (month: Int, day: Int) {
    if ordered { return (first, second) }
    switch evidence ?? order {
    case .dayFirst: return (second, first)
    case .monthFirst: return (first, second)
    }
  }

  /// The calendar day, using `fallbackYear` when the date gives none.
  public func resolve(order: DateOrder, fallbackYear: Int?) -> CalendarDate? {
    guard let year = year ?? fallbackYear else { return nil }
    let (month, day) = monthDay(order: order)
    return CalendarDate(year: year, month: month, day: day)
  }
}
