import Testing
@testable import RetroCore

@Suite("Timeline")
struct TimelineTests {
  @Test("table rows with a zone in the header, extra columns kept, kinds from words")
  func table() throws {
    let report = try Fixture.report("google-sre.md")
    #expect(report.timeline.count == 4)
    #expect(report.timeline.map(\.instant) == [
      utc("2021-06-08T14:02:00Z"), utc("2021-06-08T14:09:00Z"), utc("2021-06-08T14:20:00Z"), utc("2021-06-08T14:44:00Z"),
    ])
    #expect(report.timeline[0].fields == ["Who": "ops"])
    #expect(report.timeline.map(\.kind) == [.start, .detected, .mitigated, .resolved])
    #expect(report.metrics == IncidentMetrics(timeToDetect: 420, timeToMitigate: 1080, timeToResolve: 2520))
  }

  @Test("date sub-headings carry to the entries, the lead-in zone applies")
  func dateHeadings() throws {
    let report = try Fixture.report("two-days-berlin.md")
    #expect(report.timeline.map(\.instant) == [
      utc("2023-03-14T21:40:00Z"), utc("2023-03-14T22:55:00Z"), utc("2023-03-14T23:30:00Z"), utc("2023-03-15T00:15:00Z"),
    ])
    #expect(report.timeline.allSatisfy { $0.timeZone == "CET" })
  }

  @Test("untimed detail lists in a timed timeline are not entries; in an untimed one they are")
  func detailLists() throws {
    let timed = try parse(
      "---\ndate: 2024-01-01\n---\n## Timeline\n\nDashboards:\n\n- [overview](https://x)\n\n### 10:00 deploy\n\n- old config kept\n- pods restarted\n\n### 10:30 paged\n\nThe on-call joined.\n")
    #expect(timed.timeline.map(\.timeText) == ["10:00", "10:30"])
    let untimed = try parse("## Timeline\n\n- deploy\n- paged\n")
    #expect(untimed.timeline.map(\.text) == ["deploy", "paged"])
  }

  @Test("a day heading over one paragraph is the day's event; over a section of entries it only dates them")
  func dayHeadings() throws {
    let events = try parse("## Timeline\n\n### 2018-01-15\n\nTravis was down.\n\n### 2018-01-17 17:14\n\nBuilds failed.\n")
    #expect(events.timeline.map(\.text) == ["Travis was down.", "Builds failed."])
    #expect(events.timeline.first?.instant == utc("2018-01-15T00:00:00Z"))
    let dated = try parse("## Timeline\n\n### October 21, 2025\n\nDuration: two hours.\n\n#### Events\n\n- 21:45 UTC deploy\n- 23:28 UTC recovered\n")
    #expect(dated.timeline.map(\.timeText) == ["21:45 UTC", "23:28 UTC"])
    #expect(dated.timeline.first?.instant == utc("2025-10-21T21:45:00Z"))
  }

  @Test("a Timeline starts from the report's date; a month-day months after it is of the year before")
  func reportDate() throws {
    let milestones = try parse(
      "---\ndate: 2025-07-23\n---\n- **Key events**\n  - First detected 2025-07-23 15:35\n  - Resolved 2025-07-24 12:34\n\n## Timeline\n\n15:35 – plan pushed\n\n24/07/25\n\n12:34 – removed\n")
    #expect(milestones.timeline.suffix(2).map(\.instant) == [utc("2025-07-23T15:35:00Z"), utc("2025-07-24T12:34:00Z")])
    let wrap = try parse("---\ndate: 2019-03-26\n---\n## Timeline\n\n- 12-05 16:21 bad config merged\n- 03-26 02:50 outage\n")
    #expect(wrap.timeline.map(\.instant) == [utc("2018-12-05T16:21:00Z"), utc("2019-03-26T02:50:00Z")])
  }

  @Test("a time earlier than the previous one rolls to the next day only across midnight")
  func rollover() throws {
    let report = try parse("---\ndate: 2023-01-10\n---\n## Timeline\n- 22:00 start\n- 23:50 paged\n- 00:10 rolled back\n- 00:05 note out of order\n")
    #expect(report.timeline.map(\.instant) == [
      utc("2023-01-10T22:00:00Z"), utc("2023-01-10T23:50:00Z"), utc("2023-01-11T00:10:00Z"), utc("2023-01-11T00:05:00Z"),
    ])
  }

  @Test("zone from the heading, from the entry, and from the configuration")
  func zones() throws {
    let report = try parse("---\ndate: 2020-09-17\n---\n## Timeline (all times PST)\n- 6:45 PM: deploy\n- 7:00 PM UTC: other\n")
    #expect(report.timeline.map(\.instant) == [utc("2020-09-18T02:45:00Z"), utc("2020-09-17T19:00:00Z")])
    let configured = try parse(
      "---\ndate: 2020-09-17\n---\n## Timeline\n- 10:00 deploy\n",
      configuration: ParserConfiguration(defaultTimeZone: "+02:00"))
    #expect(configured.timeline.first?.instant == utc("2020-09-17T08:00:00Z"))
  }

  @Test("a date given once on the first entry carries on")
  func firstEntryDate() throws {
    let report = try parse("## Timeline\n\n- **2019-10-20 00:55: builds failing**\n- 01:38: restarted\n")
    #expect(report.timeline.map(\.instant) == [utc("2019-10-20T00:55:00Z"), utc("2019-10-20T01:38:00Z")])
    #expect(report.date?.description == "2019-10-20")
  }

  @Test("plain lines, nested date bullets, and unreadable times keep raw text with no instant")
  func otherShapes() throws {
    let report = try parse("""
      ---
      date: 2021-04-12
      ---
      ## Timeline

      - 2021-04-13
        - 4:16: nodes drained
        - ??:?? someone noticed

      02-13-2025 11:00 pm - mempool full
      11:30 pm - fixed
      """)
    #expect(report.timeline.count == 4)
    #expect(report.timeline[0].instant == utc("2021-04-13T04:16:00Z"))
    #expect(report.timeline[1].instant == nil)
    #expect(report.timeline[1].timeText == "??:??")
    #expect(report.timeline[2].instant == utc("2025-02-13T23:00:00Z"))
    #expect(report.timeline[3].text == "fixed")
  }

  @Test("the seed's shape: three bullets on the report's date")
  func seedShape() throws {
    let report = try parse("""
      ---
      date: 2019-03-01 12:00:00
      ---
      # Incident retrospective 25/02/2019

      ## Timeline

      - 18:45: We created the new fleet.

      - 19:45: We got a page from the monitors.

      - 20:15 The site was up again.
      """)
    #expect(report.date?.description == "2019-02-25")
    #expect(report.publishedDate?.description == "2019-03-01")
    #expect(report.timeline.map(\.timeText) == ["18:45", "19:45", "20:15"])
    #expect(report.timeline.map(\.kind) == [.start, .detected, .resolved])
    #expect(report.metrics.timeToDetect == 3600)
    #expect(report.metrics.timeToResolve == 5400)
  }

  @Test("a zone stated before the timeline applies; a time range is not a zone")
  func statedZoneAndRanges() throws {
    let report = try parse("---\ndate: 2019-03-26\n---\nAll times in PDT.\n\n## Timeline\n- 02:00-04:30 maintenance window\n- 05:00 paged\n")
    #expect(report.timeline.map(\.instant) == [utc("2019-03-26T09:00:00Z"), utc("2019-03-26T12:00:00Z")])
    #expect(report.timeline.map(\.timeZone) == ["PDT", "PDT"])
  }

  @Test("milestones named before their time, with or without a colon")
  func labelledMilestones() throws {
    let report = try parse("- **Key events**\n  - First detected 2025-10-13 08:59\n  - Resolved: 2025-10-13 18:56\n- **Impact**: staging only\n")
    #expect(report.timeline.map(\.instant) == [utc("2025-10-13T08:59:00Z"), utc("2025-10-13T18:56:00Z")])
    #expect(report.timeline.map(\.kind) == [.detected, .resolved])
    #expect(report.metrics.timeToResolve == 35820)
  }
}
