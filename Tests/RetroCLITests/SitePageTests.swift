import Foundation
import Testing

/// What an incident page says of its action items: the tracker's state, no empty "due".
@Suite("Incident pages and the tracker, end to end")
struct SitePageTests {
  @Test("an item done in the tracker reads done on its page and in the index's open count; an item with no date has no 'due'")
  func trackerState() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    try TrackerTests.report.replacingOccurrences(of: "status: final", with: "status: final")
      .write(to: directory.appendingPathComponent("retros/2024-03-01-replica-lag.md"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(at: TrackerTests.exports, to: directory.appendingPathComponent("exports"))
    let run = try RetroBinary.run(
      ["site", "retros", "--out", "site", "--index", "i.sqlite", "--as-of", "2024-03-10"] + TrackerTests.trackerArguments, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let page = try String(contentsOf: directory.appendingPathComponent("site/incidents/2024-03-01-replica-lag.html"), encoding: .utf8)
    #expect(page.contains("<li class=\"done\"><span class=\"status\">done</span> Add a replication-lag alert @maria OPS-412"), "closed in Jira")
    #expect(page.contains("<span class=\"ticket\">OPS-412 closed 2024-03-02</span>"))
    #expect(!page.contains("due </span>") && !page.contains("<span class=\"due\">due </span>"))
    #expect(page.contains("<li class=\"task\"><input type=\"checkbox\" disabled>"), "the body's task boxes are boxes")
    let index = try String(contentsOf: directory.appendingPathComponent("site/index.html"), encoding: .utf8)
    // Four open in the report, three of them closed in their trackers.
    #expect(index.contains("<td>1</td>"), "one item is still open, counting the trackers: \(index)")
  }

  @Test("at a glance: no UNKNOWN badge or status for what a report does not say; unowned items after the named owners; no 'by policy' without policies")
  func glance() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    try "---\ntitle: Disk full\ndate: 2024-02-01\nstatus: final\n---\n# Disk full\n\n## Action items\n\n- [ ] Add a disk alert\n- [ ] Grow the volume\n- [ ] Rotate logs @ana\n"
      .write(to: directory.appendingPathComponent("retros/2024-02-01-disk.md"), atomically: true, encoding: .utf8)
    let run = try RetroBinary.run(["site", "retros", "--out", "site", "--index", "i.sqlite", "--as-of", "2024-03-10"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let index = try String(contentsOf: directory.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(!index.contains("sevunknown") && index.contains("<span class=\"none\">—</span>"))
    let dashboard = try String(contentsOf: directory.appendingPathComponent("site/actions.html"), encoding: .utf8)
    let named = try #require(dashboard.range(of: "@ana"))
    let nobody = try #require(dashboard.range(of: "(no owner)"))
    #expect(named.lowerBound < nobody.lowerBound, "two unowned items still come after the one owner")
    #expect(!dashboard.contains("by policy"))
  }
}
