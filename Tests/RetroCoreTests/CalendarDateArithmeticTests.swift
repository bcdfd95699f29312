import Testing
@testable import RetroCore

@Suite("Calendar date arithmetic")
struct CalendarDateArithmeticTests {
  @Test("adding days agrees with stepping a day at a time, forwards and back, over leap years and month ends")
  func agreesWithStepping() throws {
    let start = try #require(CalendarDate(iso: "1999-12-25"))
    var day = start
    for count in 0...3000 {
      #expect(start.adding(days: count) == day, "\(start) + \(count)")
      #expect(day.adding(days: -count) == start, "\(day) - \(count)")
      #expect(start.days(to: day) == count)
      day = day.next
    }
  }

  @Test("any count returns at once, clamped to the years a date can name", arguments: [Int.max, Int.min, 999_999_999_999, -999_999_999_999, 9_223_372_036_854_775_807])
  func absurdCounts(_ count: Int) throws {
    let day = try #require(CalendarDate(iso: "2024-03-10"))
    #expect(day.adding(days: count) == (count > 0 ? CalendarDate.latest : CalendarDate.earliest))
    #expect(CalendarDate.latest.adding(days: 1) == CalendarDate.latest)
    #expect(CalendarDate.earliest.adding(days: -1) == CalendarDate.earliest)
  }
}
