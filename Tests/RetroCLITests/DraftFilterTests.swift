import Foundation
import Testing

/// `retro site` and `retro publish` leave out what is not final, by one rule and one flag.
@Suite("Drafts stay off the site and the blog, end to end", .serialized)
struct DraftFilterTests {
  static func folder() throws -> URL {
    let directory = try LintCommandTests.temporaryDirectory()
    let retros = directory.appendingPathComponent("retros")
    try FileManager.default.createDirectory(at: retros, withIntermediateDirectories: true)
    for (name, status, item) in [("done", "final", "Add a disk alert"), ("review", "in review", "Rotate the leaked key"), ("none", nil, "Tune the pool")] {
      let front = status.map { "status: \($0)\n" } ?? ""
      try "---\ntitle: Incident \(name)\ndate: 2024-02-0\(name.count)\n\(front)---\n# Incident \(name)\n\n## Action items\n\n- [ ] \(item)\n"
        .write(to: retros.appendingPathComponent("2024-02-0\(name.count)-\(name).md"), atomically: true, encoding: .utf8)
    }
    return directory
  }

  @Test("site leaves out reports not final or published, and their items, saying so once; --include-drafts puts them in")
  func site() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try RetroBinary.run(["site", "retros", "--out", "site", "--index", "i.sqlite"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("retro: skipped 2 reports not final or published ("), "\(run.stderr)")
    #expect(run.stderr.components(separatedBy: "skipped").count == 2, "one line, not one a report")
    let pages = try FileManager.default.subpathsOfDirectory(atPath: directory.appendingPathComponent("site").path)
    let html = try pages.filter { $0.hasSuffix(".html") }.map {
      try String(contentsOf: directory.appendingPathComponent("site").appendingPathComponent($0), encoding: .utf8)
    }.joined()
    #expect(html.contains("Incident done") && html.contains("Add a disk alert"))
    #expect(!html.contains("Incident review") && !html.contains("Rotate the leaked key"), "a draft and its items stay off the site")
    #expect(!html.contains("Tune the pool"))
    let all = try RetroBinary.run(["site", "retros", "--out", "all", "--index", "i.sqlite", "--include-drafts"], in: directory)
    #expect(all.status == 0 && !all.stderr.contains("skipped"))
    let dashboard = try String(contentsOf: directory.appendingPathComponent("all/actions.html"), encoding: .utf8)
    #expect(dashboard.contains("Rotate the leaked key"))
  }

  @Test("publish says in one line how many it skipped")
  func publish() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try RetroBinary.run(["publish", "retros", "--to", "hugo", "--out", "blog"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").filter { $0.contains("skipped") }.count == 1, "\(run.stderr)")
    #expect(run.stderr.contains("retro: skipped 2 reports not final or published"))
  }
}
