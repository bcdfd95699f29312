import Testing
@testable import RetroCore

@Suite("Incident date")
struct IncidentDateTests {
  @Test("a post's front-matter date is its publication when the timeline starts in the weeks before")
  func postDate() throws {
    let text = """
      ---
      title: Account takeover
      date: 2023-12-04
      ---

      ## Timeline

      - 2023-11-22 08:42 UTC: an account is created
      - 14:33 UTC: an email reaches the admins
      """
    let report = try parse(text)
    #expect(report.date?.description == "2023-11-22")
    #expect(report.publishedDate?.description == "2023-12-04")
    // The time with no date of its own follows the entry before it, not the post.
    #expect(report.timeline.last?.instant.map(ISO8601.string) == "2023-11-22T14:33:00Z")
  }

  @Test("a post whose timeline starts long before it keeps the post's date")
  func oldTimeline() throws {
    let text = "---\ndate: 2024-07-08\n---\n\n## Timeline\n\n- 2023-03-03 10:00 UTC: token created\n"
    #expect(try parse(text).date?.description == "2024-07-08")
  }

  @Test("a stated date no dated entry comes near is a slip: the timeline's first day wins")
  func slip() throws {
    let text = """
      # 2022-01-27, pods cannot start

      ## Timeline

      - 2022-06-02 09:00 UTC: problem starts
      - 2022-06-02 20:00 UTC: team alerted
      """
    #expect(try parse(text).date?.description == "2022-06-02")
    let near = "# 2022-06-03, pods cannot start\n\n## Timeline\n\n- 2022-06-02 09:00 UTC: problem starts\n- 2022-06-02 20:00 UTC: alerted\n"
    #expect(try parse(near).date?.description == "2022-06-03")
  }

  @Test("a heading that is a date before the first section dates the report")
  func dateHeading() throws {
    let monthFirst = ParserConfiguration(dateOrder: .monthFirst)
    #expect(try parse("# Phishing\n\n## 3.4.2020\n\n## Summary\n\nx\n", configuration: monthFirst).date?.description == "2020-04-03")
    #expect(try parse("### May 16-June 30 (estimated), 2023\n\n**Update**: done.\n").date?.description == "2023-05-16")
    #expect(try parse("## 2025-07-30/31 Hex Outage\n\nCertificates expired.\n").date?.description == "2025-07-30")
  }

  @Test("a title's month and day take the post's year, or the year before it")
  func titleWithoutYear() throws {
    let march = "---\ntitle: March 17th Infrastructure Incident\ndate: 2023-03-23\n---\n\nText.\n"
    #expect(try parse(march).date?.description == "2023-03-17")
    let december = "---\ntitle: December 30th Incident\ndate: 2023-01-05\n---\n\nText.\n"
    #expect(try parse(december).date?.description == "2022-12-30")
  }

  @Test("an opening sentence with no year takes the year the report names most")
  func openingSentence() throws {
    let text = "On 28th February, flags went down for three hours.\n\nWe will move flags out by Q2 2024.\n"
    #expect(try parse(text).date?.description == "2024-02-28")
    let range = "# Delays (November 2025)\n\nBetween November 11 and November 15, 2025 we hit a limit.\n"
    #expect(try parse(range).date?.description == "2025-11-11")
  }

  @Test("a timeline's first day comes before an opening sentence's date")
  func timelineBeforeSentence() throws {
    let text = """
      At 2019-10-21 01:38 UTC the site went down. Builds were failing since 2019-10-20 00:55 UTC.

      ## Timeline

      - 2019-10-20 00:55 UTC: builds start failing
      - 2019-10-21 01:38 UTC: the site goes down
      """
    #expect(try parse(text).date?.description == "2019-10-20")
  }
}
