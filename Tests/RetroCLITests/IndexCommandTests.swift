import Foundation
import Testing

@Suite("retro index, actions, digest and stats, end to end")
struct IndexCommandTests {
  /// A copy of Fixtures/retros in a temporary folder, with the index inside it.
  static func workspace() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-actions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: RetroBinary.fixtures.appendingPathComponent("retros"), to: directory.appendingPathComponent("retros"))
    return directory
  }

  static let golden = RetroBinary.fixtures.appendingPathComponent("golden")

  static func run(_ arguments: [String], in directory: URL) throws -> RetroBinary.Result {
    try RetroBinary.run(arguments + ["--index", "index.sqlite", "--as-of", "2024-03-10"], in: directory)
  }

  static func expectGolden(_ output: String, _ name: String) throws {
    let file = golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RETRO_UPDATE_GOLDEN"] != nil {
      try output.write(to: file, atomically: true, encoding: .utf8)
    }
    #expect(output == (try String(contentsOf: file, encoding: .utf8)), "\(name) differs from its golden file")
  }

  @Test("every format of retro actions matches its golden file", arguments: ["table", "json", "csv", "markdown"])
  func formats(_ format: String) throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try Self.run(["actions", "retros", "--status", "all", "--format", format], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    try Self.expectGolden(result.stdout, "actions.\(format)")
  }

  @Test("digest and stats on a fixed date match their golden files")
  func digestAndStats() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.expectGolden(try Self.run(["digest", "retros"], in: directory).stdout, "digest.md")
    try Self.expectGolden(try Self.run(["stats", "retros"], in: directory).stdout, "stats.txt")
    let json = try Self.run(["stats", "retros", "--format", "json"], in: directory)
    let stats = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(stats["reports"] as? Int == 2)
  }

  @Test("retro actions works without a separate index run and sees edits at once")
  func freshness() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let before = try Self.run(["actions", "retros", "--format", "csv"], in: directory)
    #expect(before.stdout.split(separator: "\n").count == 5)
    let file = directory.appendingPathComponent("retros/2024-01-10-queue-backlog.md")
    let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "- [ ] Document", with: "- [x] Document")
    try text.write(to: file, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: file.path)
    let after = try Self.run(["actions", "retros", "--format", "csv"], in: directory)
    #expect(after.stdout.split(separator: "\n").count == 4)
    let index = try Self.run(["index", "retros"], in: directory)
    #expect(index.stdout.contains("2 files, 0 read, 2 unchanged"))
  }

  @Test("severities spelled Sev 2, SEV2 and sev-2 are one severity to --severity and stats")
  func severitySpellings() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-severity-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    for (number, severity) in ["Sev 2", "SEV2", "sev-2", "SEV2", "SEV1"].enumerated() {
      let text = "---\ntitle: Outage \(number)\ndate: 2024-02-0\(number + 1)\nseverity: \(severity)\n---\n## Action items\n\n- [ ] Fix thing \(number) @ana\n"
      try Data(text.utf8).write(to: directory.appendingPathComponent("retros/r\(number).md"))
    }
    for filter in ["SEV2", "Sev 2", "sev2"] {
      let actions = try Self.run(["actions", "retros", "--severity", filter, "--format", "json"], in: directory)
      #expect(actions.status == 0, "\(actions.stderr)")
      let items = try JSONSerialization.jsonObject(with: Data(actions.stdout.utf8)) as? [[String: Any]]
      #expect(items?.count == 4, "--severity \(filter): \(items?.count ?? -1) items")
    }
    let stats = try Self.run(["stats", "retros", "--format", "json"], in: directory)
    #expect(stats.status == 0, "\(stats.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
    let severities = (object?["incidentsPerSeverity"] as? [[String: Any]])?.map { "\($0["key"] ?? "")=\($0["count"] ?? "")" }
    #expect(severities == ["SEV2=4", "SEV1=1"], "\(severities ?? [])")
  }

  @Test("--recurring groups the promise made twice; filters narrow the list")
  func recurringAndFilters() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let recurring = try Self.run(["actions", "retros", "--recurring"], in: directory)
    #expect(recurring.stdout.contains("Recurring 1: promised in 2 reports"))
    let overdue = try Self.run(["actions", "retros", "--overdue", "--format", "csv"], in: directory)
    #expect(overdue.stdout.split(separator: "\n").count == 3)
    let owner = try Self.run(["actions", "retros", "--owner", "ben", "--format", "csv"], in: directory)
    #expect(owner.stdout.contains("Alert on consumer lag"))
    #expect(try Self.run(["actions", "retros", "--sort", "nope"], in: directory).status != 0)
  }

  @Test("--git-history dates closures by the commits that made them")
  func gitHistory() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    func git(_ arguments: [String], date: String? = nil) throws { try TestGit.run(arguments, in: directory, date: date) }
    try git(["init", "-q"])
    try git(["add", "."])
    try git(["commit", "-q", "-m", "first"], date: "2024-03-06T09:00:00Z")
    let file = directory.appendingPathComponent("retros/2024-01-10-queue-backlog.md")
    let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "- [ ] Alert on", with: "- [x] Alert on")
    try text.write(to: file, atomically: true, encoding: .utf8)
    try git(["commit", "-q", "-am", "close"], date: "2024-03-08T15:30:00Z")
    let index = try Self.run(["index", "retros", "--git-history"], in: directory)
    #expect(index.status == 0, "\(index.stderr)")
    let json = try Self.run(["actions", "retros", "--status", "done", "--format", "json"], in: directory)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let closed = try #require(rows.first { ($0["text"] as? String)?.hasPrefix("Alert on") == true })
    #expect(closed["closedAt"] as? String == "2024-03-08T15:30:00Z")
    #expect(closed["firstSeenAt"] as? String == "2024-03-06T09:00:00Z")
    // Done in the commit that added it: when it was done is unknown, not the commit's day.
    let addedDone = try #require(rows.first { ($0["text"] as? String)?.hasPrefix("Roll back the config") == true })
    #expect(addedDone["closedAt"] as? String == nil, "\(addedDone)")
    let digest = try Self.run(["digest", "retros", "--format", "json"], in: directory)
    #expect(!digest.stdout.contains("Roll back the config"), "an item added as done was not closed this week")
  }
}
