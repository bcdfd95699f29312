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
}
