import Foundation
import Testing

/// Tracker exports joined end to end: `retro index --tracker`, `retro actions`, the index's
/// history, `tracker:` in .retro.yml for `retro lint` and `--fix`.
@Suite("Tracker exports, end to end")
struct TrackerTests {
  static let exports = RetroBinary.packageRoot.appendingPathComponent("Tests/RetroCoreTests/Fixtures/trackers")

  static let report = """
    ---
    title: Replica lag
    date: 2024-03-01
    severity: SEV2
    status: final
    authors: [ana]
    ---
    # Replica lag

    ## Action items

    - [ ] Add a replication-lag alert @maria OPS-412
    - [x] Rotate the certificates @ben OPS-413
    - [ ] Alert on login error rate @ana #12
    - [ ] Canary config pushes @cy https://gitlab.com/acme/platform/-/issues/7
    - [ ] Write the drain runbook @cy #15

    """

  static func folder() throws -> URL {
    let directory = try LintCommandTests.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    try Data(report.utf8).write(to: directory.appendingPathComponent("retros/2024-03-01-replica-lag.md"))
    try FileManager.default.copyItem(at: exports, to: directory.appendingPathComponent("exports"))
    return directory
  }

  static let trackerArguments = ["--tracker", "exports/jira.csv", "--tracker", "exports/gh-issues.json", "--tracker", "exports/gitlab.csv"]

  static func items(_ directory: URL, _ extra: [String] = []) throws -> [[String: Any]] {
    let result = try RetroBinary.run(
      ["actions", "retros", "--index", "index.sqlite", "--status", "all", "--format", "json", "--as-of", "2024-03-10"] + extra,
      in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
  }

  @Test("index --tracker joins ticket state: a closed ticket makes the item done, dated by the ticket, with history")
  func index() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let indexed = try RetroBinary.run(["index", "retros", "--index", "index.sqlite"] + Self.trackerArguments, in: directory)
    #expect(indexed.status == 0, "\(indexed.stderr)")
    #expect(indexed.stderr.contains("tracker: 7 tickets, 5 items matched, 3 open in their report but closed in the tracker"), "\(indexed.stderr)")

    let items = try Self.items(directory)
    let lag = try #require(items.first { ($0["text"] as? String)?.hasPrefix("Add a replication-lag alert") == true })
    #expect(lag["status"] as? String == "done")
    #expect(lag["reportStatus"] as? String == "open")
    #expect(lag["tracker"] as? String == "OPS-412 closed 2024-03-02")
    #expect(lag["closedAt"] as? String == "2024-03-02")
    let certificates = try #require(items.first { ($0["text"] as? String)?.hasPrefix("Rotate") == true })
    #expect(certificates["status"] as? String == "done")
    #expect(certificates["tracker"] as? String == "OPS-413 open (In Progress)")
    let github = try #require(items.first { ($0["text"] as? String)?.hasPrefix("Alert on login") == true })
    #expect(github["tracker"] as? String == "acme/auth#12 closed 2024-03-05")

    // The default listing (open items) leaves out what the tracker closed; the table says why.
    let open = try RetroBinary.run(["actions", "retros", "--index", "index.sqlite", "--as-of", "2024-03-10"], in: directory)
    #expect(open.stdout.contains("Write the drain runbook"))
    #expect(!open.stdout.contains("replication-lag"))
    let all = try RetroBinary.run(["actions", "retros", "--index", "index.sqlite", "--status", "all", "--as-of", "2024-03-10", "--format", "markdown"], in: directory)
    #expect(all.stdout.contains("done (report: open)"))
    #expect(all.stdout.contains("OPS-412 closed 2024-03-02"))

    // The history names the export as the source, once.
    let history = try RetroBinary.run(
      ["-c", "import sqlite3,sys; print('\\n'.join('|'.join(map(str, r)) for r in sqlite3.connect(sys.argv[1]).execute(\"SELECT seenAt, source FROM itemHistory WHERE source LIKE 'tracker%' ORDER BY seenAt\")))", "index.sqlite"],
      in: directory, executable: URL(fileURLWithPath: "/usr/bin/python3"))
    let lines = history.stdout.split(separator: "\n")
    #expect(lines.count == 3, "\(history.stdout)\(history.stderr)")
    #expect(lines.first?.hasPrefix("2024-03-02T00:00:00Z|tracker OPS-412 (") == true)
    #expect(lines.first?.contains("jira.csv:2)") == true)
    _ = try RetroBinary.run(["index", "retros", "--index", "index.sqlite"], in: directory)
    #expect(try Self.items(directory).first { ($0["text"] as? String)?.hasPrefix("Add a replication") == true }?["tracker"] as? String == "OPS-412 closed 2024-03-02")
    let again = try RetroBinary.run(["-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM itemHistory WHERE source LIKE 'tracker%'\").fetchone()[0])", "index.sqlite"], in: directory, executable: URL(fileURLWithPath: "/usr/bin/python3"))
    #expect(again.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3")

    // Stats count them as done.
    let stats = try RetroBinary.run(["stats", "retros", "--index", "index.sqlite", "--as-of", "2024-03-10", "--format", "json"], in: directory)
    #expect(stats.stdout.contains("\"done\" : 4") || stats.stdout.contains("\"done\":4"), "\(stats.stdout)")
  }

  @Test("a bad export is an error naming its file and line, and the index does not change")
  func badExport() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try RetroBinary.run(["index", "retros", "--index", "index.sqlite"] + Self.trackerArguments, in: directory)
    let before = try Self.items(directory).map { "\($0["text"] ?? "") \($0["status"] ?? "") \($0["tracker"] ?? "")" }
    try Data("Summary,Issue key,Status\nx,OPS-412,Parked\n".utf8).write(to: directory.appendingPathComponent("exports/jira.csv"))
    let bad = try RetroBinary.run(["index", "retros", "--index", "index.sqlite"] + Self.trackerArguments, in: directory)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("exports/jira.csv:2: error: status 'Parked' of OPS-412 is neither open nor done"), "\(bad.stderr)")
    let after = try Self.items(directory).map { "\($0["text"] ?? "") \($0["status"] ?? "") \($0["tracker"] ?? "")" }
    #expect(after == before)
  }

  @Test("a one-off --tracker keeps other exports' tickets and says so; --forget-tracker drops them")
  func merge() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let jira = try RetroBinary.run(["index", "retros", "--index", "index.sqlite", "--tracker", "exports/jira.csv"], in: directory)
    #expect(jira.status == 0, "\(jira.stderr)")
    let github = try RetroBinary.run(["index", "retros", "--index", "index.sqlite", "--tracker", "exports/gh-issues.json"], in: directory)
    #expect(github.stderr.contains("kept from earlier imports of"), "\(github.stderr)")
    #expect(github.stderr.contains("jira.csv"))
    func tracker(_ prefix: String) throws -> String? {
      try Self.items(directory).first { ($0["text"] as? String)?.hasPrefix(prefix) == true }?["tracker"] as? String
    }
    #expect(try tracker("Add a replication-lag alert") == "OPS-412 closed 2024-03-02", "the Jira import is still joined")
    #expect(try tracker("Alert on login error rate") != nil, "and the GitHub one too")
    let forgot = try RetroBinary.run(
      ["index", "retros", "--index", "index.sqlite", "--forget-tracker", "--tracker", "exports/gh-issues.json"], in: directory)
    #expect(forgot.status == 0 && !forgot.stderr.contains("kept from earlier"), "\(forgot.stderr)")
    #expect(try tracker("Add a replication-lag alert") == nil)
    #expect(try tracker("Alert on login error rate") != nil)
    // An export that now holds no ticket still replaces what it gave.
    _ = try RetroBinary.run(["index", "retros", "--index", "index.sqlite", "--tracker", "exports/jira.csv"], in: directory)
    #expect(try tracker("Add a replication-lag alert") != nil)
    try "Summary,Issue key,Status\n".write(to: directory.appendingPathComponent("exports/jira.csv"), atomically: true, encoding: .utf8)
    _ = try RetroBinary.run(["index", "retros", "--index", "index.sqlite", "--tracker", "exports/jira.csv"], in: directory)
    #expect(try tracker("Add a replication-lag alert") == nil, "the emptied export's tickets are gone")
    #expect(try tracker("Alert on login error rate") != nil, "the GitHub export's stay")
  }

  @Test("tracker: in .retro.yml: lint finds stale boxes and --fix ticks and unticks them")
  func lint() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("tracker: [exports/jira.csv, exports/gh-issues.json, exports/gitlab.csv]\ntrackerStatuses:\n  open: [Parked]\n".utf8)
      .write(to: directory.appendingPathComponent(".retro.yml"))
    let lint = try RetroBinary.run(["lint", "retros", "--rule", "stale_item_status"], in: directory)
    let findings = lint.stdout.split(separator: "\n").filter { $0.hasSuffix("(stale_item_status)") }
    #expect(findings.count == 4, "\(lint.stdout)\(lint.stderr)")
    #expect(lint.stdout.contains("retros/2024-03-01-replica-lag.md:12:1: warning: Action item 'Add a replication-lag alert @maria OPS-412' is open here but OPS-412 was closed on 2024-03-02 (Done)"))
    #expect(lint.stdout.contains("is done here but OPS-413 is still open (In Progress)"))

    let fixed = try RetroBinary.run(["lint", "retros", "--fix", "--rule", "stale_item_status"], in: directory)
    #expect(fixed.status == 0, "\(fixed.stderr)")
    let text = try String(contentsOf: directory.appendingPathComponent("retros/2024-03-01-replica-lag.md"), encoding: .utf8)
    #expect(text.contains("- [x] Add a replication-lag alert @maria OPS-412"))
    #expect(text.contains("- [ ] Rotate the certificates @ben OPS-413"))
    #expect(text.contains("- [x] Alert on login error rate @ana #12"))
    #expect(text.contains("- [x] Canary config pushes"))
    #expect(text.contains("- [ ] Write the drain runbook @cy #15"))
    #expect(!fixed.stdout.contains("(stale_item_status)"))
  }
}
