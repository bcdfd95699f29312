import Foundation
import RetroCore
import Testing
@testable import RetroPublish

@Suite("Timeline chart")
struct TimelineChartTests {
  @Test("axis labels are what a POSIX DateFormatter in the same zone writes", arguments: ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])
  func labels(_ zoneName: String) {
    var generator = SystemRandomNumberGenerator()
    let zone = TimeZone(identifier: zoneName)!
    for withDay in [false, true] {
      let formatter = DateFormatter()
      formatter.timeZone = zone
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.dateFormat = withDay ? "MMM d HH:mm" : "HH:mm"
      let label = TimelineChart.ZoneLabel(withDay: withDay, zone: zone)
      for _ in 0..<1000 {
        // Whole seconds, as timelines are written: a fraction a hair under a minute is
        // rounded up by DateFormatter (04:42) and cut by the chart (04:41), and the chart's
        // reading is the clock's.
        let date = Date(timeIntervalSince1970: Double(Int.random(in: 0...4_102_444_800, using: &generator)))
        #expect(label.string(from: date) == formatter.string(from: date))
      }
    }
  }

  @Test("the axis is in the zone the timeline is written in; a date far from the rest is left out and said so; close labels do not overlap")
  func zoneAndOutliers() throws {
    let text = """
      ---
      date: 2024-03-05
      ---
      ## Timeline

      - 09:05 CET impact starts
      - 09:06 CET alert fired, detected
      - 09:07 CET mitigated by rolling back
      - 09:40 CET resolved
      - 2024-05-09 10:00 CET follow-up review held

      """
    let report = try IncidentParser().parse(text: text, path: "t.md")
    let chart = try #require(TimelineChart().render(report, title: "t"))
    #expect(chart.caption.hasPrefix("Timeline in CET"), "\(chart.caption)")
    #expect(chart.caption.contains("1 dated more than a week from the rest (a misread date?) left out"))
    #expect(chart.svg.contains(">09:05</text>"), "the first tick is 09:05 CET, not 08:05 UTC")
    #expect(!chart.svg.contains("May"))
    // Four milestones within two minutes of each other: each label on its own row.
    let ys = chart.svg.split(separator: "\n").filter { $0.contains("font-weight=\"600\"") }.compactMap { line -> Substring? in
      guard let start = line.range(of: " y=\"")?.upperBound, let end = line[start...].firstIndex(of: "\"") else { return nil }
      return line[start..<end]
    }
    #expect(Set(ys).count >= 3, "\(ys)")
  }
}
