import Foundation
import Testing

/// `retro timeline import` on exports of each source made for the tests in their documented
/// formats (Fixtures/timeline-import/README.md says which and when): entries in the report's
/// zone and style, merged in time order without duplicates, milestones marked, text from the
/// exports kept as text, and a diff with --dry-run.
@Suite("Timeline import, end to end")
struct TimelineImportTests {
  static let exports = RetroBinary.fixtures.appendingPathComponent("timeline-import")
  static let reports = RetroBinary.fixtures.appendingPathComponent("timeline-reports")

  /// A folder with `report` copied in as `r.md` and a deploy repository of two commits.
  static func folder(_ report: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-timeline-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("deploy"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: reports.appendingPathComponent(report), to: directory.appendingPathComponent("r.md"))
    let deploy = directory.appendingPathComponent("deploy")
    try TestGit.run(["init", "-q"], in: deploy)
    try Data("pool: 400\n".utf8).write(to: deploy.appendingPathComponent("checkout.yml"))
    try TestGit.run(["add", "checkout.yml"], in: deploy)
    try TestGit.run(["commit", "-qm", "checkout: raise db pool size to 400"], in: deploy, date: "2026-03-14T08:50:00Z")
    try Data("pool: 100\n".utf8).write(to: deploy.appendingPathComponent("checkout.yml"))
    try TestGit.run(["commit", "-qam", "Revert \"checkout: raise db pool size to 400\""], in: deploy, date: "2026-03-14T09:31:00Z")
    return directory
  }

  static var everySource: [String] {
    [
      "--from", exports.appendingPathComponent("slack").path, "--channel", "inc-checkout",
      "--from", exports.appendingPathComponent("pagerduty-log-entries.json").path,
      "--from", exports.appendingPathComponent("opsgenie-alert-logs.json").path,
      "--from", exports.appendingPathComponent("alertmanager-webhook.json").path,
      "--from", "alertmanager:" + exports.appendingPathComponent("alertmanager-alerts.json").path,
      "--from", exports.appendingPathComponent("grafana-annotations.json").path,
      "--from", exports.appendingPathComponent("gh-runs.json").path,
      "--from", exports.appendingPathComponent("gh-deployments.json").path,
      "--from", "deploy",
    ]
  }

  static func timeline(_ directory: URL) throws -> [[String: Any]] {
    let show = try RetroBinary.run(["show", "r.md", "--format", "json"], in: directory)
    #expect(show.status == 0, "\(show.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
    return object?["timeline"] as? [[String: Any]] ?? []
  }

  @Test("every source into a CET timeline: its style, time order, milestones, links; a second run adds nothing")
  func everySourceMerged() throws {
    let directory = try Self.folder("checkout-cet.md")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try RetroBinary.run(["timeline", "import", "r.md"] + Self.everySource, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8)
    // In the report's zone (CET is UTC+1) and its style: a bold time and a dash.
    #expect(text.contains("- **10:04** — \\[\\#4821\\] CheckoutHigh5xx"), "\(text)")
    #expect(text.contains("(PagerDuty, <https://example.pagerduty.com/incidents/Q1ABCDEF>)"))
    #expect(text.contains("- **10:01** — CheckoutHigh5xx firing"))
    #expect(text.contains("- **10:31** — Revert \"checkout: raise db pool size to 400\""))
    #expect(text.contains("(git deploy) — *likely mitigated: the first revert or rollback after detection*"))
    #expect(text.contains("— *likely impact start: the last deploy before the first alert*"))
    // The report says when Bob was paged and when it recovered: no guess for those.
    #expect(!text.contains("likely detected") && !text.contains("likely resolved"))
    // Joins and the day before are left out; notifications too.
    #expect(!text.contains("has joined the channel"))
    #expect(!text.contains("Notification"))
    let entries = try Self.timeline(directory)
    #expect(entries.count > 20, "\(entries.count)")
    let instants = entries.compactMap { $0["instant"] as? String }
    #expect(instants.count == entries.count, "every entry is placed")
    #expect(instants == instants.sorted(), "in time order")
    #expect(entries.contains { ($0["text"] as? String)?.hasPrefix("Bob is paged") == true }, "the author's entries stay")
    #expect(run.stderr.contains("added \(entries.count - 2) timeline entries in CET"), "\(run.stderr)")
    // Again: nothing new.
    let again = try RetroBinary.run(["timeline", "import", "r.md"] + Self.everySource, in: directory)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("nothing to add"), "\(again.stderr)")
    #expect(try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8) == text)
  }

  @Test("hostile text in an export stays text: no HTML, link, table cell or template tag")
  func hostileText() throws {
    let directory = try Self.folder("checkout-cet.md")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try RetroBinary.run(["timeline", "import", "r.md"] + Self.everySource, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.contains("pasting what the status page") })
    // Every character that could open markup (HTML, a link, a table cell, a template tag,
    // code) is escaped.
    var previous: Character = " "
    for character in line {
      if "<>{}[]|`".contains(character) { #expect(previous == "\\", "\(character) unescaped in \(line)") }
      previous = character
    }
    #expect(!line.contains("<!channel>"))
    let entries = try Self.timeline(directory)
    let entry = try #require(entries.first { ($0["text"] as? String)?.contains("pasting what the status page") == true })
    // Read back, the words are the message's own.
    #expect((entry["text"] as? String)?.contains("{{ site.github.token }}") == true, "\(entry)")
    #expect((entry["text"] as? String)?.contains("[click](javascript:alert(1))") == true, "\(entry)")
  }

  @Test("--dry-run prints the diff and writes nothing")
  func dryRun() throws {
    let directory = try Self.folder("checkout-cet.md")
    defer { try? FileManager.default.removeItem(at: directory) }
    let before = try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8)
    let run = try RetroBinary.run(
      ["timeline", "import", "r.md", "--from", Self.exports.appendingPathComponent("pagerduty-log-entries.json").path, "--dry-run"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("--- a/r.md\n+++ b/r.md\n"), "\(run.stdout)")
    #expect(run.stdout.contains("\n+- **10:45** — Resolved by Bob Oncall."), "\(run.stdout)")
    #expect(try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8) == before)
  }

  @Test("a report with no timeline gets a Timeline section before its action items, in --zone, with every milestone")
  func newSection() throws {
    let directory = try Self.folder("no-timeline.md")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try RetroBinary.run(
      [
        "timeline", "import", "r.md", "--zone", "UTC",
        "--from", Self.exports.appendingPathComponent("pagerduty-log-entries.json").path,
        "--from", Self.exports.appendingPathComponent("alertmanager-webhook.json").path,
        "--from", "deploy",
      ], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8)
    let timeline = try #require(text.range(of: "## Timeline (UTC)\n\n- 08:50 — checkout: raise db pool size to 400"), "\(text)")
    let actions = try #require(text.range(of: "## Action items"))
    #expect(timeline.lowerBound < actions.lowerBound)
    #expect(text.contains("— *likely impact start: the last deploy before the first alert*"))
    #expect(text.contains("— *likely detected: the first alert*"))
    #expect(text.contains("— *likely mitigated: the first revert or rollback after detection*"))
    #expect(text.contains("— *likely resolved: the page was resolved*"))
    #expect(run.stderr.contains("in a new Timeline section"), "\(run.stderr)")
    let show = try RetroBinary.run(["show", "r.md", "--format", "json"], in: directory)
    let object = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
    let metrics = object?["metrics"] as? [String: Any]
    // Detected when the alert fired (09:01), 11 minutes after the deploy of 08:50.
    #expect(metrics?["timeToDetect"] as? Int == 11 * 60, "\(metrics ?? [:])")
  }

  @Test("a table timeline gets rows in its columns, the source in its Source column")
  func tableRows() throws {
    let directory = try Self.folder("table-utc.md")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try RetroBinary.run(
      ["timeline", "import", "r.md", "--from", Self.exports.appendingPathComponent("opsgenie-alert-logs.json").path], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8)
    #expect(text.contains("| 09:04 | Bob is paged for checkout 5xx | PagerDuty |\n| 09:06 | Alert acknowledged via Mobile (carol@example.com) | Opsgenie |"), "\(text)")
    #expect(text.contains("| 09:40 | Error rate back to normal | Grafana |\n| 09:46 | Alert closed via Web (carol@example.com) | Opsgenie |"), "\(text)")
    let entries = try Self.timeline(directory)
    #expect(entries.count == 5, "\(entries)")
  }

  @Test("the window: --since and --until leave out what is outside")
  func window() throws {
    let directory = try Self.folder("checkout-cet.md")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try RetroBinary.run(
      [
        "timeline", "import", "r.md", "--since", "2026-03-14 10:30", "--until", "2026-03-14T09:40:00Z",
        "--from", Self.exports.appendingPathComponent("slack").path, "--channel", "inc-checkout",
      ], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8)
    #expect(text.contains("**10:33** — bob.oncall: revert deployed"), "\(text)")
    #expect(!text.contains("**10:20**") && !text.contains("**10:47**"))
  }

  @Test("what cannot be read is an error naming the file, and the report is left as it was")
  func errors() throws {
    let directory = try Self.folder("checkout-cet.md")
    defer { try? FileManager.default.removeItem(at: directory) }
    let before = try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8)
    try Data("{\"hello\": 1}".utf8).write(to: directory.appendingPathComponent("odd.json"))
    try Data("{\"log_entries\": [".utf8).write(to: directory.appendingPathComponent("broken.json"))
    let odd = try RetroBinary.run(["timeline", "import", "r.md", "--from", "odd.json"], in: directory)
    #expect(odd.status == 2)
    #expect(odd.stderr.contains("odd.json: error: is JSON of no format retro reads"), "\(odd.stderr)")
    let broken = try RetroBinary.run(["timeline", "import", "r.md", "--from", "broken.json"], in: directory)
    #expect(broken.status == 2)
    #expect(broken.stderr.contains("broken.json") && broken.stderr.contains("is not valid JSON"), "\(broken.stderr)")
    let channels = try RetroBinary.run(["timeline", "import", "r.md", "--from", Self.exports.appendingPathComponent("slack").path], in: directory)
    #expect(channels.status == 2)
    #expect(channels.stderr.contains("name the incident's with --channel (general, inc-checkout)"), "\(channels.stderr)")
    let missing = try RetroBinary.run(["timeline", "import", "r.md", "--from", "nowhere.json"], in: directory)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("nowhere.json: error: does not exist"), "\(missing.stderr)")
    // A kind named that the file is not; a folder inside the deploy repository.
    let named = try RetroBinary.run(["timeline", "import", "r.md", "--from", "grafana:" + Self.exports.appendingPathComponent("pagerduty-log-entries.json").path], in: directory)
    #expect(named.status == 2)
    #expect(named.stderr.contains("was named grafana: but holds nothing of that format") && named.stderr.contains("it reads as pagerduty"), "\(named.stderr)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("deploy/sub"), withIntermediateDirectories: true)
    let inside = try RetroBinary.run(["timeline", "import", "r.md", "--from", "deploy/sub"], in: directory)
    #expect(inside.status == 2)
    #expect(inside.stderr.contains("is neither a Slack export"), "\(inside.stderr)")
    #expect(broken.stderr.contains("broken.json:1:"), "the line of the JSON error: \(broken.stderr)")
    #expect(try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8) == before)
  }
}
