import Foundation
import Testing

/// `policies:` end to end: items with and without dates of their own, a late draft, and how
/// actions, digest, stats, the site and lint show them.
@Suite("Follow-up policies, end to end", .serialized)
struct PolicyTests {
  static func folder() throws -> URL {
    let directory = try LintCommandTests.temporaryDirectory()
    let retros = directory.appendingPathComponent("retros")
    try FileManager.default.createDirectory(at: retros, withIntermediateDirectories: true)
    try """
      policies:
        SEV1: {itemsDueDays: 14, finalWithinDays: 5}
        sev 2: {itemsDueDays: 30, finalWithinDays: 10}
        default: {itemsDueDays: 90}

      """.write(to: directory.appendingPathComponent(".retro.yml"), atomically: true, encoding: .utf8)
    try """
      ---
      title: Cache outage
      date: 2024-01-10
      severity: Sev 2
      status: draft
      ---
      # Cache outage

      ## Action items

      - [ ] Add a cache-miss alert @ana
      - [ ] Shard the cache @ben due 2024-06-01

      """.write(to: retros.appendingPathComponent("2024-01-10-cache.md"), atomically: true, encoding: .utf8)
    try """
      ---
      title: Slow search
      date: 2024-02-20
      severity: SEV4
      status: final
      ---
      # Slow search

      ## Action items

      - [ ] Add a search latency dashboard @cy

      """.write(to: retros.appendingPathComponent("2024-02-20-search.md"), atomically: true, encoding: .utf8)
    return directory
  }

  static func run(_ arguments: [String], in directory: URL) throws -> RetroBinary.Result {
    try RetroBinary.run(arguments + ["--index", "index.sqlite", "--as-of", "2024-03-01"], in: directory)
  }

  @Test("an item without a date is due by its severity's policy; one with a date keeps it; default covers the rest")
  func actions() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = try Self.run(["actions", "retros", "--format", "json"], in: directory)
    #expect(json.status == 0, "\(json.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    func row(_ prefix: String) -> [String: Any]? { rows.first { ($0["text"] as? String)?.hasPrefix(prefix) == true } }
    #expect(row("Add a cache-miss alert")?["due"] as? String == "2024-02-09")
    #expect(row("Add a cache-miss alert")?["daysOverdue"] as? Int == 21)
    #expect((row("Add a cache-miss alert")?["duePolicy"] as? String)?.contains("sev 2 policy: items are due 30 days after the incident") == true)
    #expect(row("Shard the cache")?["due"] as? String == "2024-06-01")
    #expect(row("Shard the cache")?["duePolicy"] as? String == nil)
    #expect(row("Add a search latency dashboard")?["due"] as? String == "2024-05-20", "the default policy: 90 days")
    let overdue = try Self.run(["actions", "retros", "--overdue"], in: directory)
    #expect(overdue.stdout.contains("2024-02-09 (policy, 21d over)"), "\(overdue.stdout)")
    #expect(overdue.stdout.contains("1 items: 1 open, 1 overdue") || overdue.stdout.contains("1 item: 1 open, 1 overdue"))
  }

  @Test("the digest lists the late draft and the item overdue by policy; stats count them; the site marks the date")
  func digestStatsSite() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let digest = try Self.run(["digest", "retros"], in: directory)
    #expect(digest.status == 0, "\(digest.stderr)")
    #expect(digest.stdout.contains("## Reports not final in time"))
    #expect(digest.stdout.contains("2024-01-10 Cache outage is still draft 41 days after its deadline 2024-01-20 (sev 2 policy: reports are final within 10 days of the incident)"))
    #expect(digest.stdout.contains("- Add a cache-miss alert (due 2024-02-09 by policy, 21 days over)"))
    let slack = try Self.run(["digest", "retros", "--format", "slack"], in: directory)
    #expect(slack.stdout.contains("*Reports not final in time* (1)"))
    let stats = try Self.run(["stats", "retros"], in: directory)
    #expect(stats.stdout.contains("1 overdue (1 by policy)"), "\(stats.stdout)")
    #expect(stats.stdout.contains("1 report past the policy's deadline to be final"))
    let site = try Self.run(["site", "retros", "--out", "site", "--include-drafts"], in: directory)
    #expect(site.status == 0, "\(site.stderr)")
    let pages = try FileManager.default.subpathsOfDirectory(atPath: directory.appendingPathComponent("site").path)
    let dashboard = try pages.filter { $0.hasSuffix(".html") }.map {
      try String(contentsOf: directory.appendingPathComponent("site").appendingPathComponent($0), encoding: .utf8)
    }.joined()
    #expect(dashboard.contains("2024-02-09 <abbr class=\"policy\" title=\"sev 2 policy: items are due 30 days after the incident\">by policy</abbr>"))
  }

  @Test("lint's follow_up_policy names the late draft and the item past its policy date; a bad policy is an error at its line")
  func lint() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let lint = try RetroBinary.run(["lint", "retros", "--rule", "follow_up_policy", "--as-of", "2024-03-01"], in: directory)
    #expect(lint.stdout.contains("retros/2024-01-10-cache.md:5:1: warning: The report is still 'draft' 41 days after its deadline 2024-01-20"), "\(lint.stdout)")
    #expect(lint.stdout.contains("retros/2024-01-10-cache.md:11:1: warning: Action item 'Add a cache-miss alert @ana' is 21 days past 2024-02-09"))
    #expect(!lint.stdout.contains("Shard the cache") && !lint.stdout.contains("search"))
    try "policies:\n  SEV1: {itemsDueDays: two weeks}\n".write(to: directory.appendingPathComponent(".retro.yml"), atomically: true, encoding: .utf8)
    let bad = try RetroBinary.run(["lint", "retros"], in: directory)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains(".retro.yml:2:10: error: 'policies' for SEV1 sets itemsDueDays to a value that is not a whole number"), "\(bad.stderr)")
  }
}
