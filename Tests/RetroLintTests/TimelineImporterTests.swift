import Foundation
import RetroCore
import Testing

@testable import RetroLint

/// How imported entries take the style of the entries already there, and where they go.
@Suite("Timeline importer")
struct TimelineImporterTests {
  static func event(_ iso: String, _ text: String, _ signal: ImportedEventSignal = .message) -> ImportedEvent {
    ImportedEvent(instant: TimelineSource.instant(iso)!, text: text, source: "Slack #ops", signal: signal)
  }

  static func imported(_ report: String, _ events: [ImportedEvent], zone: String? = nil) throws -> (text: String, outcome: TimelineImporter.Outcome) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("retro-importer-\(UUID().uuidString).md").path
    try Data(report.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let outcome = TimelineImporter(parser: IncidentParser()).importEvents(events, path: path, zone: zone)
    if let error = outcome.file.error { throw error }
    return (outcome.file.output.map { String(decoding: $0, as: UTF8.self) } ?? report, outcome)
  }

  @Test("a 12-hour clock with seconds and a zone on each entry is written the same way")
  func twelveHour() throws {
    let report = "---\ndate: 2026-03-14\n---\n## Timeline\n\n* 9:58:10 AM PST: deploy starts\n* 11:20:00 AM PST: rollback\n"
    let (text, outcome) = try Self.imported(report, [Self.event("2026-03-14T18:04:05Z", "paged")])
    #expect(text.contains("* 9:58:10 AM PST: deploy starts\n* 10:04:05 AM PST: paged (Slack \\#ops)\n* 11:20:00 AM PST: rollback"), "\(text)")
    #expect(outcome.zone == "PST")
  }

  @Test("past midnight a time reads as the next day; two days on, it carries its date")
  func otherDay() throws {
    let report = "---\ndate: 2026-03-14\n---\n## Timeline (UTC)\n\n- 23:50 deploy\n"
    let (text, _) = try Self.imported(report, [Self.event("2026-03-15T00:10:00Z", "errors climb")])
    #expect(text.contains("- 23:50 deploy\n- 00:10 errors climb (Slack \\#ops)"), "\(text)")
    let (later, _) = try Self.imported(report, [Self.event("2026-03-16T09:00:00Z", "follow-up review")])
    #expect(later.contains("- 23:50 deploy\n- 2026-03-16 09:00 follow-up review (Slack \\#ops)"), "\(later)")
  }

  @Test("an event the timeline has, within two minutes and in the same words, is left out")
  func duplicates() throws {
    let report = "---\ndate: 2026-03-14\n---\n## Timeline (UTC)\n\n- 09:05 bob: looking at checkout 502s\n"
    let (text, outcome) = try Self.imported(report, [Self.event("2026-03-14T09:06:00Z", "bob: looking at checkout 502s")])
    #expect(text == report)
    #expect(outcome.duplicates == 1)
  }

  @Test("a timeline whose times have no date cannot be merged into, and says why")
  func undated() throws {
    let report = "## Timeline (UTC)\n\n- 09:05 deploy\n"
    #expect(throws: InputError.self) { try Self.imported(report, [Self.event("2026-03-14T09:06:00Z", "paged")]) }
  }

  static let header = "---\ndate: 2026-03-14\n---\n"

  @Test("a table whose rows are shorter than its header gets full rows, the source in its column")
  func shortRows() throws {
    let report = Self.header + "## Timeline\n\n| Time (UTC) | Event | Source |\n| --- | --- | --- |\n| 09:04 | Bob is paged |\n| 09:40 | Back to normal |\n"
    let (text, _) = try Self.imported(report, [Self.event("2026-03-14T09:07:00Z", "Acknowledged by Bob.")])
    #expect(text.contains("| 09:04 | Bob is paged |\n| 09:07 | Acknowledged by Bob. | Slack \\#ops |\n| 09:40 |"), "\(text)")
  }

  @Test("events that share a link but say different things are all added")
  func sharedLink() throws {
    let report = Self.header + "## Timeline (UTC)\n\n- 09:30 back to normal\n"
    func paged(_ time: String, _ text: String) -> ImportedEvent {
      ImportedEvent(instant: TimelineSource.instant("2026-03-14T\(time):00Z")!, text: text, source: "PagerDuty", link: "https://pd.example/incidents/Q1", signal: .message)
    }
    let (first, _) = try Self.imported(report, [paged("09:04", "Triggered through the API.")])
    let (second, outcome) = try Self.imported(first, [paged("09:04", "Triggered through the API."), paged("09:05", "Escalated to the DB team")])
    #expect(outcome.duplicates == 1)
    #expect(second.contains("09:05 Escalated to the DB team"), "\(second)")
  }

  @Test("an entry's nested list and later paragraph stay with it")
  func continuation() throws {
    let report = Self.header + "## Timeline (UTC)\n\n- **09:04** — Bob is paged.\n  - sub note: db at 400 conns\n- **09:40** — Back to normal.\n\n  A paragraph about 09:40.\n\n## Action items\n- [ ] x @a\n"
    let (text, _) = try Self.imported(report, [Self.event("2026-03-14T09:07:00Z", "ack"), Self.event("2026-03-14T09:45:00Z", "closed out")])
    #expect(text.contains("  - sub note: db at 400 conns\n- **09:07** — ack"), "\(text)")
    #expect(text.contains("  A paragraph about 09:40.\n- **09:45** — closed out"), "\(text)")
  }

  @Test("a timeline written newest first gets its entries newest first")
  func newestFirst() throws {
    let report = Self.header + "## Timeline (UTC)\n\n- 09:40 back to normal\n- 09:20 rolled back\n- 09:04 paged\n"
    let (text, _) = try Self.imported(report, [Self.event("2026-03-14T09:30:00Z", "errors falling"), Self.event("2026-03-14T09:01:00Z", "first errors")])
    #expect(text.contains("- 09:40 back to normal\n- 09:30 errors falling (Slack \\#ops)\n- 09:20 rolled back\n- 09:04 paged\n- 09:01 first errors"), "\(text)")
  }

  @Test("after midnight, an event goes under the next day's heading, written bare")
  func dayHeadings() throws {
    let report = "---\ndate: 2026-03-13\n---\n## Timeline (UTC)\n\n### 2026-03-13\n\n- 23:50 deploy\n\n### 2026-03-14\n\n- 00:20 rolled back\n"
    let (text, _) = try Self.imported(report, [Self.event("2026-03-14T00:05:00Z", "errors")])
    #expect(text.contains("### 2026-03-14\n\n- 00:05 errors (Slack \\#ops)\n- 00:20 rolled back"), "\(text)")
  }

  @Test("a numbered timeline stays one numbered list; 09:04Z keeps its form")
  func numbered() throws {
    let report = Self.header + "## Timeline\n\n1. 09:04Z paged\n2. 09:40Z back to normal\n"
    let (text, _) = try Self.imported(report, [Self.event("2026-03-14T09:07:00Z", "ack")])
    #expect(text.contains("1. 09:04Z paged\n1. 09:07Z ack (Slack \\#ops)\n2. 09:40Z"), "\(text)")
  }

  @Test("an IANA zone goes in the heading, where the parser reads it; --zone that disagrees with the timeline is an error")
  func zones() throws {
    let empty = Self.header + "## Summary\n\nx\n\n## Action items\n- [ ] x @a\n"
    let (text, outcome) = try Self.imported(empty, [Self.event("2026-03-14T09:04:00Z", "paged")], zone: "Europe/Berlin")
    #expect(text.contains("## Timeline (Europe/Berlin)\n\n- 10:04 — paged (Slack \\#ops)"), "\(text)")
    #expect(outcome.createdSection)
    let utc = Self.header + "## Timeline\n\n- 10:04 — Bob is paged\n"
    #expect(throws: InputError.self) { try Self.imported(utc, [Self.event("2026-03-14T09:07:00Z", "ack")], zone: "CET") }
  }

  @Test("template tags and HTML in an export never form in the file")
  func templateTags() throws {
    let report = Self.header + "## Timeline (UTC)\n\n- 09:04 paged\n"
    var event = Self.event("2026-03-14T09:05:00Z", "see {% include x.html %} and {{ site.token }} <b>bold</b> \u{202E}reversed")
    event.link = "https://x.example/{{site.token}}"
    let (text, _) = try Self.imported(report, [event])
    let line = try #require(text.split(separator: "\n").first { $0.contains("include") })
    #expect(!line.contains("{%") && !line.contains("{{") && !line.contains("<b>") && !line.contains("\u{202E}") && !line.contains("x.example"), "\(line)")
  }

  @Test("what the added lines change of the durations is told")
  func changesTold() throws {
    let report = Self.header + "## Timeline (UTC)\n\n- 09:00 impact start: errors\n- 09:10 alert fired, Bob paged\n- 09:40 resolved\n"
    let (_, outcome) = try Self.imported(report, [Self.event("2026-03-14T09:03:00Z", "Bob: is it resolved yet?")])
    #expect(outcome.changes.contains { $0.hasPrefix("time to resolve: 40m → 3m") }, "\(outcome.changes)")
  }
}

