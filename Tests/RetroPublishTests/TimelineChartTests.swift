import Foundation
import Testing
@testable import RetroPublish

@Suite("Timeline chart")
struct TimelineChartTests {
  @Test("axis labels are what a POSIX DateFormatter in UTC writes")
  func labels() {
    var generator = SystemRandomNumberGenerator()
    for withDay in [false, true] {
      let formatter = DateFormatter()
      formatter.timeZone = TimeZone(secondsFromGMT: 0)
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.dateFormat = withDay ? "MMM d HH:mm" : "HH:mm"
      let label = TimelineChart.UTCLabel(withDay: withDay)
      for _ in 0..<1000 {
        // Whole seconds, as timelines are written: a fraction a hair under a minute is
        // rounded up by DateFormatter (04:42) and cut by the chart (04:41), and the chart's
        // reading is the clock's.
        let date = Date(timeIntervalSince1970: Double(Int.random(in: 0...4_102_444_800, using: &generator)))
        #expect(label.string(from: date) == formatter.string(from: date))
      }
    }
  }
}
