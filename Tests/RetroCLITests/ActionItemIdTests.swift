import Foundation
import Testing

/// Ids that cannot collide: `AI-n` is numbered per report, any other id is global.
@Suite("Action-item ids across reports")
struct ActionItemIdTests {
  @Test("two reports made with retro new and fixed with --fix lint clean together")
  func twoNewReports() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for title in ["Queue backlog", "DNS failure"] {
      let new = try RetroBinary.run(["new", "--dir", "retros", "--date", "2024-05-06", title], in: directory)
      #expect(new.status == 0, "\(new.stderr)")
    }
    let fix = try RetroBinary.run(["lint", "--fix", "retros"], in: directory)
    #expect(fix.status == 0, "\(fix.stdout)\(fix.stderr)")
    let lint = try RetroBinary.run(["lint", "--format", "json", "retros"], in: directory)
    #expect(lint.status == 0, "\(lint.stdout)")
    #expect(!lint.stdout.contains("duplicate_action_item_id"))
    // Both reports hold AI-1: two items, not one.
    for name in ["2024-05-06-queue-backlog.md", "2024-05-06-dns-failure.md"] {
      let text = try String(contentsOf: directory.appendingPathComponent("retros/\(name)"), encoding: .utf8)
      #expect(text.contains("[AI-1]"))
    }
  }

  @Test("an AI-n id twice in one report and a global id twice across reports are errors")
  func duplicates() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let a = "# A\n\n## Action items\n\n- [AI-1] Add an alert @ana\n- [AI-1] Write a runbook @ben\n- [AR-7] Rotate the keys @ana\n"
    let b = "# B\n\n## Action items\n\n- [AI-1] Add a dashboard @ana\n- [AR-7] Page on lag @ben\n"
    try Data(a.utf8).write(to: directory.appendingPathComponent("2024-01-01-a.md"))
    try Data(b.utf8).write(to: directory.appendingPathComponent("2024-02-01-b.md"))
    let lint = try RetroBinary.run(["lint", "--format", "json", "--rule", "duplicate_action_item_id", "."], in: directory)
    #expect(lint.status == 1)
    let findings = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [[String: Any]])
    let places = findings.map { "\(($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""):\($0["line"] ?? 0)" }
    #expect(places.sorted() == ["2024-01-01-a.md:6", "2024-02-01-b.md:6"])
  }
}
