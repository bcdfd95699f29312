import Foundation
import Testing
@testable import RetroCore

@Suite("Time stamps")
struct TimeStampReaderTests {
  struct Case: Sendable, CustomStringConvertible {
    var line: String
    var hour: Int?
    var minute: Int?
    var zone: String?
    var date: String?
    var rest: String
    var description: String { line }
  }

  static let cases: [Case] = [
    Case(line: "18:45: We created the fleet", hour: 18, minute: 45, rest: "We created the fleet"),
    Case(line: "20:15 Glitch.com was up", hour: 20, minute: 15, rest: "Glitch.com was up"),
    Case(line: "18:45:30 - seconds", hour: 18, minute: 45, rest: "seconds"),
    Case(line: "6:45 PM: deploy", hour: 18, minute: 45, rest: "deploy"),
    Case(line: "04:49 PM UTC The site", hour: 16, minute: 49, zone: "UTC", rest: "The site"),
    Case(line: "1625: patched", hour: 16, minute: 25, rest: "patched"),
    Case(line: "~05:00 prices stale", hour: 5, minute: 0, rest: "prices stale"),
    Case(line: "[13:20] build slow", hour: 13, minute: 20, rest: "build slow"),
    Case(line: "**16:58 UTC** - flags down", hour: 16, minute: 58, zone: "UTC", rest: "flags down"),
    Case(line: "`07:35` claim opened", hour: 7, minute: 35, rest: "claim opened"),
    Case(line: "2019-02-25 18:45 UTC: start", hour: 18, minute: 45, zone: "UTC", date: "2019-02-25", rest: "start"),
    Case(line: "2017-07-25T17:06 first alert", hour: 17, minute: 6, date: "2017-07-25", rest: "first alert"),
    Case(line: "Jan 14, 10:18 AM wrapper shipped", hour: 10, minute: 18, date: "1-14", rest: "wrapper shipped"),
    Case(line: "June 14th, 2022, 10:00 AM: report", hour: 10, minute: 0, date: "2022-06-14", rest: "report"),
    Case(line: "12:32 UTC – downloads broke", hour: 12, minute: 32, zone: "UTC", rest: "downloads broke"),
    Case(line: "09:12 — rollout", hour: 9, minute: 12, rest: "rollout"),
    Case(line: "10:00 ::::: started", hour: 10, minute: 0, rest: "started"),
    Case(line: "11:10 6th Nov 2023 - data lost", hour: 11, minute: 10, date: "2023-11-06", rest: "data lost"),
    Case(line: "2022-02-02 1625: fix deployed", hour: 16, minute: 25, date: "2022-02-02", rest: "fix deployed"),
    Case(line: "7:09 AM Eastern token revoked", hour: 7, minute: 9, zone: "Eastern", rest: "token revoked"),
    Case(line: "12:48 (6:48 PDT): first report", hour: 12, minute: 48, rest: "first report"),
    Case(line: "13:55 PM PST Saturday Oct 30th: stall", hour: 13, minute: 55, zone: "PST", date: "10-30", rest: "stall"),
    Case(line: "2018-08-22, 03:26pm: cert expired", hour: 15, minute: 26, date: "2018-08-22", rest: "cert expired"),
  ]

  @Test("reads the stamp formats seen in real timelines", arguments: cases)
  func formats(_ c: Case) throws {
    let stamp = try #require(TimeStampReader.read(c.line))
    #expect(stamp.hour == c.hour)
    #expect(stamp.minute == c.minute)
    #expect(stamp.zone == c.zone)
    #expect(stamp.remainder == c.rest)
    if let expected = c.date {
      let date = try #require(stamp.date)
      let (month, day) = date.monthDay(order: .monthFirst)
      let text = date.year.map { CalendarDate(year: $0, month: month, day: day)?.description ?? "" } ?? "\(month)-\(day)"
      #expect(text == expected)
    }
  }

  @Test("lines that merely start with a number are not stamps", arguments: [
    "3 engineers were paged", "2019 was a hard year", "404 errors spiked", "1.5 hours of downtime",
    "2. Impact", "Nothing here",
  ])
  func notStamps(_ line: String) {
    #expect(TimeStampReader.read(line)?.hasTime != true)
  }

  @Test("unfilled slots are read as unreadable stamps", arguments: ["??:?? alert", "[???] retry", "--:-- noted"])
  func unreadable(_ line: String) throws {
    let stamp = try #require(TimeStampReader.read(line))
    #expect(stamp.unreadable)
  }

  @Test("day/month order: an unambiguous date decides, else the setting")
  func dayMonthOrder() throws {
    #expect(TimeStampReader.orderEvidence(in: "on 25/02/2019 and 03/04/2019") == .dayFirst)
    #expect(TimeStampReader.orderEvidence(in: "02-13-2025 11:00 pm") == .monthFirst)
    #expect(TimeStampReader.orderEvidence(in: "03/04/2019") == nil)
    let parts = try #require(TimeStampReader.findDate(in: "Incident review 03/04/2021"))
    #expect(parts.resolve(order: .dayFirst, fallbackYear: nil)?.description == "2021-04-03")
    #expect(parts.resolve(order: .monthFirst, fallbackYear: nil)?.description == "2021-03-04")
  }

  @Test("impossible dates and times are not read", arguments: ["31/02/2019 10:00 x", "25:61 late"])
  func impossible(_ line: String) {
    let stamp = TimeStampReader.read(line)
    let date = stamp?.date?.resolve(order: .dayFirst, fallbackYear: 2019)
    #expect(stamp?.hasTime != true || date == nil)
  }
}

@Suite("Time stamps: the quick rejection")
struct TimeStampQuickRejectionTests {
  static let shapes = [
    "We rolled back", "The deploy at 10:00", "Deploy started", "e.g. later", "x", "X", "XX:XX investigating", "xx:30 page",
    "HH:MM alert", "YYYY-MM-DD outage", "Date-MM-DD later", "foo-bar", "T10:00Z start", "10:00 start", "?? unknown",
    "--:-- unknown", "/ slash", ": colon", "Sept 3 10:00", "Sept. 3, 10:00", "September 3rd 2024", "Mon, 10:00",
    "Monday 3 June 10:00", "approx 10:00", "approx. 10:00", "approximately 10:00 UTC", "ca. 10:00", "around 9am",
    "about 09:15", "~10:00", "≈10:00", "**10:00**", "`10:00`", "[10:00]", "(10:00)", "> 10:00", "_10:00_",
    "\u{00A0}10:00", "Étape 10:00", "Übersicht", "Jan", "jan.", "MAR 3", "Dec-03", "Eastern 10:00", "UTC 10:00",
    "22:XX", "9:??", "2024-03-05", "03/05/2024 10:00", "5.3.2024 10:00", "#1 item", "- item", "1. item", "",
    "   ", "Tue", "Thurs 10:00", "Wednesdays are quiet", "Marching on", "Mayday", "may 3", "T+5m", "t0",
  ]

  /// Every line of the fixtures and examples, and the shapes above, each also after markup.
  static func lines() throws -> [String] {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let folders = [here.appendingPathComponent("Fixtures"), here.appendingPathComponent("../../examples")]
    var lines = shapes
    for folder in folders {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
      for name in names {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        lines += text.split(separator: "\n").map(String.init)
      }
    }
    return lines.flatMap { [$0, "* " + $0, "**" + $0, "- [ ] " + $0] }
  }

  @Test("a line rejected quickly is one the scanner reads no stamp from")
  func rejectionIsSafe() throws {
    let lines = try Self.lines()
    #expect(lines.count > 1000)
    var rejected = 0
    for line in lines where TimeStampReader.cannotStartStamp(line) {
      rejected += 1
      #expect(TimeStampReader.scanStamp(line) == nil, "\(line.debugDescription)")
    }
    #expect(rejected > lines.count / 4)
  }
}

extension TimeStampQuickRejectionTests {
  @Test("the rest of a line after a stamp is cut as the character count says")
  func restAfterStamp() {
    let lines = ["10:00 deploy", "10:00 — rollback", "10:00 \u{301}x", "10:00\u{301} x", "a\r\nb c", "10:00  ", "", "é 10:00 x", "12:00 👩‍💻 on call"]
    for line in lines {
      for offset in 0...(line.utf8.count + 1) {
        #expect(TimeStampReader.rest(of: line, from: offset) == String(line.dropFirst(offset)).trimmingWhitespace(), "\(line.debugDescription) \(offset)")
      }
    }
  }

  @Test("placeholders are still read, and plain times are not taken for them")
  func placeholders() {
    for slot in ["XX:XX", "xx:30", "22:XX", "9:??", "??:??", "--:--", "HH:MM", "YYYY-MM-DD", "2024-MM-DD"] {
      #expect(TimeStampReader.read("\(slot) paged")?.unreadable == true, "\(slot)")
    }
    for time in ["10:00", "2024-03-05 10:00", "9:30", "2024/03/05"] {
      #expect(TimeStampReader.read("\(time) paged")?.unreadable == false, "\(time)")
    }
  }
}
