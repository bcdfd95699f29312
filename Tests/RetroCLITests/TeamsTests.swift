import Foundation
import Testing

/// One index over several roots, each a team: `retro actions --team`, `retro stats --by team`
/// and `roots:` in .retro.yml.
@Suite("Several roots, one index: teams")
struct TeamsTests {
  /// `payments/` and `search/`, one fixture report each.
  static func workspace() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-teams-\(UUID().uuidString)")
    let retros = RetroBinary.fixtures.appendingPathComponent("retros")
    for (team, file) in [("payments", "2024-01-10-queue-backlog.md"), ("search", "2024-03-05-dns-failures.md")] {
      let folder = directory.appendingPathComponent(team)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: retros.appendingPathComponent(file), to: folder.appendingPathComponent(file))
    }
    return directory
  }

  static func run(_ arguments: [String], in directory: URL) throws -> RetroBinary.Result {
    try RetroBinary.run(arguments + ["--index", "index.sqlite", "--as-of", "2024-03-10"], in: directory)
  }

  @Test("stats --by team gives a row per root folder")
  func statsByTeam() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try Self.run(["stats", "payments", "search", "--by", "team", "--format", "json"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(rows.map { $0["team"] as? String } == ["payments", "search"])
    #expect(rows.map { $0["open"] as? Int } == [3, 1])
    #expect(rows.map { $0["incidents"] as? Int } == [1, 1])
    let text = try Self.run(["stats", "payments", "search", "--by", "team"], in: directory)
    #expect(text.stdout.hasPrefix("TEAM"))
  }

  @Test("actions --team keeps one team's items, and JSON says each item's team")
  func actionsByTeam() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try Self.run(["actions", "payments", "search", "--status", "all", "--team", "search", "--format", "json"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 2)
    #expect(rows.allSatisfy { $0["team"] as? String == "search" })
    // One root: no teams; the JSON keeps the key, as every key, with null.
    let single = try Self.run(["actions", "payments", "--format", "json"], in: directory)
    #expect(!single.stdout.contains("\"team\" : \"") && single.stdout.contains("\"team\" : null"))
  }

  @Test("roots: in .retro.yml stands for the paths, relative to the configuration file")
  func rootsInConfiguration() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "roots: [payments, search]\n".write(to: directory.appendingPathComponent(".retro.yml"), atomically: true, encoding: .utf8)
    let result = try Self.run(["stats", "--by", "team", "--format", "markdown"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("| payments | 1 | 3 | 3 | 2 | 1 | 0% |"))
    #expect(result.stdout.contains("| search | 1 | 2 | 1 | 0 | 0 | 50% |"))
  }

  @Test("--by team with one folder is a clear error")
  func oneFolder() throws {
    let directory = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try Self.run(["stats", "payments", "--by", "team"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr.contains("--by team needs several folders"))
  }
}
