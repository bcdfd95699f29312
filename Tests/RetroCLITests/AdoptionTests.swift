import Foundation
import Testing

/// README's "Getting started on an existing folder", run as written on the bundled reports
/// copied into a temporary git repository.
@Suite("Adopting retro on an existing folder")
struct AdoptionTests {
  @Test("init, a baseline, a green strict run, then only a pull request's new findings fail")
  func walkthrough() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let retros = directory.appendingPathComponent("retros")
    try FileManager.default.createDirectory(at: retros, withIntermediateDirectories: true)
    let sources = [RetroBinary.packageRoot.appendingPathComponent("examples"), RetroBinary.packageRoot.appendingPathComponent("Tests/RetroCoreTests/Fixtures")]
    for folder in sources {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
        try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: retros.appendingPathComponent(name))
      }
    }
    try TestGit.run(["init", "-q", "-b", "main"], in: directory)
    try TestGit.run(["add", "."], in: directory)
    try TestGit.run(["commit", "-qm", "Reports"], in: directory)

    // Day one: the folder has findings, and a strict job fails.
    #expect(try RetroBinary.run(["init"], in: directory).status == 0)
    let dayOne = try RetroBinary.run(["lint", "retros/", "--strict"], in: directory)
    #expect(dayOne.status == 1)

    let write = try RetroBinary.run(["lint", "retros/", "--strict", "--write-baseline", ".retro-baseline.json"], in: directory)
    #expect(write.status == 0, "\(write.stderr)")
    #expect(write.stderr.contains("to the baseline .retro-baseline.json"))
    try TestGit.run(["add", ".retro.yml", ".retro-baseline.json"], in: directory)
    try TestGit.run(["commit", "-qm", "Adopt retro"], in: directory)

    let green = try RetroBinary.run(["lint", "retros/", "--strict", "--baseline", ".retro-baseline.json"], in: directory)
    #expect(green.status == 0, "\(green.stdout)")
    #expect(green.stderr.contains(", not failing; 0 new"))

    // A pull request: lines move above old findings, and one new report has a new problem.
    try TestGit.run(["checkout", "-qb", "topic"], in: directory)
    let moved = retros.appendingPathComponent("draft-login-outage.md")
    let old = try String(contentsOf: moved, encoding: .utf8)
    try Data(old.replacingOccurrences(of: "\n## ", with: "\n\n\n## ").utf8).write(to: moved)
    let report = "# Cache flush\n\n## Summary\n\nThe cache was flushed.\n\n## Action items\n\n- [AR-1] Add an alert @ana\n- [AR-1] Write a runbook @ben\n"
    try Data(report.utf8).write(to: retros.appendingPathComponent("2024-06-01-cache-flush.md"))

    // Without the baseline, --changed-since alone keeps the two files the branch touched.
    let touched = try RetroBinary.run(["lint", "retros/", "--strict", "--changed-since", "main", "--format", "json"], in: directory)
    let touchedFindings = try #require(try JSONSerialization.jsonObject(with: Data(touched.stdout.utf8)) as? [[String: Any]])
    let touchedFiles = Set(touchedFindings.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } })
    #expect(touchedFiles == ["draft-login-outage.md", "2024-06-01-cache-flush.md"])

    let pull = try RetroBinary.run(
      ["lint", "retros/", "--strict", "--baseline", ".retro-baseline.json", "--changed-since", "main", "--format", "json"], in: directory)
    #expect(pull.status == 1)
    let findings = try #require(try JSONSerialization.jsonObject(with: Data(pull.stdout.utf8)) as? [[String: Any]])
    #expect(!findings.isEmpty)
    #expect(findings.allSatisfy { ($0["path"] as? String)?.hasSuffix("2024-06-01-cache-flush.md") == true })
    #expect(findings.contains { $0["ruleId"] as? String == "duplicate_action_item_id" })

    // Fixed in the branch: the job is green again, and the moved file's findings stay known.
    try FileManager.default.removeItem(at: retros.appendingPathComponent("2024-06-01-cache-flush.md"))
    let fixed = try RetroBinary.run(["lint", "retros/", "--strict", "--baseline", ".retro-baseline.json", "--changed-since", "main"], in: directory)
    #expect(fixed.status == 0, "\(fixed.stdout)")
  }

  @Test("a baseline that is not one is a clear error naming the file")
  func badBaseline() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("# T\n\n## Summary\n\nx\n".utf8).write(to: directory.appendingPathComponent("a.md"))
    try Data("[1, 2]".utf8).write(to: directory.appendingPathComponent("base.json"))
    let run = try RetroBinary.run(["lint", "a.md", "--baseline", "base.json"], in: directory)
    #expect(run.status == 2)
    #expect(run.stderr.contains("base.json: error: is not a retro baseline"))
    let outside = try RetroBinary.run(["lint", "a.md", "--changed-since", "main"], in: directory)
    #expect(outside.status == 2)
    #expect(outside.stderr.contains("--changed-since needs a git working tree"))
  }
}
