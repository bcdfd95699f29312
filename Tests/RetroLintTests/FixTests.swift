import Foundation
import RetroCore
import Testing
@testable import RetroLint

@Suite("Fixes")
struct FixTests {
  let fixer = Fixer(linter: Linter(configuration: .everyRule))

  func fixed(_ text: String, only: Set<String>? = nil) throws -> Fixer.Outcome {
    try fixer.fix(path: "2024-03-01-report.md", text: text, only: only)
  }

  @Test("edits apply by line and byte column; overlapping edits are refused")
  func editedText() throws {
    let text = "one\ntwö\nthree"
    #expect(try EditedText.applying([.insert("0\n", line: 1), .replace(line: 2, columns: 0..<2, with: "TW")], to: text) == "0\none\nTWö\nthree")
    #expect(try EditedText.applying([.insert("!", line: 3, column: 99)], to: text) == "one\ntwö\nthree!")
    #expect(try EditedText.applying([.insert("\nfour", line: 9)], to: text) == "one\ntwö\nthree\nfour")
    #expect(throws: EditedText.OverlapError.self) {
      try EditedText.applying([.replace(line: 1, columns: 0..<2, with: "x"), .replace(line: 1, columns: 1..<3, with: "y")], to: text)
    }
    #expect(TextEdit.insert("a", line: 2).conflicts(with: .insert("b", line: 2)))
    #expect(!TextEdit.insert("a", line: 2).conflicts(with: .insert("b", line: 3)))
  }

  @Test("missing sections come in canonical order, at the report's heading level, with a placeholder")
  func sections() throws {
    let text = "# Outage\n\n### Summary\n\nA summary.\n\n### Timeline\n\n- 10:00 UTC deploy\n"
    let outcome = try fixed(text, only: ["missing_section"])
    #expect(
      outcome.fixed
        == "# Outage\n\n### Summary\n\nA summary.\n\n### Impact\n\nTODO: who was affected, how many, and for how long.\n\n### Root causes\n\nTODO: why it happened; keep asking why past the first answer.\n\n### Timeline\n\n- 10:00 UTC deploy\n\n### Action items\n\nTODO: one item per line, each with an owner and a ticket or a due date.\n"
    )
    let linter = Linter(configuration: .everyRule)
    let after = try linter.context(for: SourceFile(path: "r.md", text: outcome.fixed))
    #expect(linter.diagnostics(for: after, only: ["missing_section"]).isEmpty)
    // The placeholders are what the linter reports next.
    #expect(linter.diagnostics(for: after, only: ["placeholder_text"]).count == 3)
    #expect(after.report.actionItems.isEmpty)
  }

  @Test("front-matter keys are added with placeholders, in YAML and in TOML before any table")
  func metadata() throws {
    let yaml = try fixed("---\ntitle: Outage\ndate: 2024-03-01\n---\n\n# Outage\n", only: ["missing_metadata"])
    #expect(yaml.fixed.hasPrefix("---\ntitle: Outage\ndate: 2024-03-01\nauthors: [TODO]\nseverity: TODO\nstatus: TODO\n---\n"))
    let toml = try fixed("+++\ntitle = \"Outage\"\ndate = 2024-03-01\n[extra]\nx = 1\n+++\n\n# Outage\n", only: ["missing_metadata"])
    #expect(toml.fixed.contains("date = 2024-03-01\nauthors = [\"TODO\"]\nseverity = \"TODO\"\nstatus = \"TODO\"\n[extra]\n"))
    let none = try fixed("# Outage\n\nText.\n", only: ["missing_metadata"])
    #expect(none.fixed.hasPrefix("---\nauthors: [TODO]\n"))
    #expect(none.fixed.hasSuffix("---\n\n# Outage\n\nText.\n"))
    // A key that is there with a value the parser cannot read is the author's to fix.
    let unreadable = try fixer.fix(path: "report.md", text: "---\ntitle: x\ndate: someday\nseverity: SEV2\nstatus: draft\nauthors: [Ana]\n---\n", only: ["missing_metadata"])
    #expect(!unreadable.changed)
    #expect(unreadable.remaining.first?.message.contains("'someday' cannot be read") == true)
  }

  @Test("action items get the next free AI-n ids, in order; markers read before an id stay first")
  func ids() throws {
    let text = "## Action items\n\n- [ ] Add an alert @ana\n- [AI-4] Write a runbook\n1. Page earlier\n- ~~Roll back~~\n- **Bold lead** item\n"
    let outcome = try fixed(text, only: ["action_item_id"])
    #expect(
      outcome.fixed
        == "## Action items\n\n- [ ] [AI-5] Add an alert @ana\n- [AI-4] Write a runbook\n1. [AI-6] Page earlier\n- ~~Roll back~~\n- **Bold lead** item\n"
    )
    let report = try IncidentParser().parse(SourceFile(path: "r.md", text: outcome.fixed))
    #expect(report.actionItems.map(\.id).prefix(3) == ["AI-5", "AI-4", "AI-6"])
    #expect(report.actionItems[0].text == "Add an alert @ana" || report.actionItems[0].text == "Add an alert")
  }

  @Test("task boxes become ones Markdown renders, keeping what they meant")
  func taskBoxes() throws {
    let outcome = try fixed("## Action items\n\n- [] Add an alert @ana\n* [*] Roll back @ben\n- [✓] Page\n- [-] Keep\n\n```\n- [] code\n```\n", only: ["task_list_marker"])
    #expect(outcome.fixed == "## Action items\n\n- [ ] Add an alert @ana\n* [x] Roll back @ben\n- [x] Page\n- [-] Keep\n\n```\n- [] code\n```\n")
  }

  @Test("the report's one zone goes into the Timeline heading; two zones leave it alone")
  func zone() throws {
    let one = try fixed("## Summary\n\nFrom 10:02 PDT on.\n\n## Timeline ##\n\n- 10:00 deploy\n", only: ["timeline_time_zone"])
    #expect(one.fixed.contains("## Timeline (PDT) ##\n"))
    let two = try fixed("## Summary\n\nFrom 10:02 PDT, 17:02 UTC.\n\n## Timeline\n\n- 10:00 deploy\n", only: ["timeline_time_zone"])
    #expect(!two.changed)
  }

  @Test("a fix that would change what the report says is refused, with the reason")
  func refusal() throws {
    // A list under a custom heading reads as action items because of its task boxes; writing
    // '[ ]' for '[]' would change how the section reads, so the fix is refused.
    let text = "# Outage\n\n## Summary\n\nx\n\n## Notes to the owner\n\n- [x] Push this document\n- [] Schedule follow-ups\n- [] File issues\n"
    let outcome = try fixed(text, only: ["task_list_marker"])
    // The first box is fixed; the second would tip the section into reading as action items.
    #expect(outcome.fixed.contains("- [ ] Schedule follow-ups\n- [] File issues"))
    #expect(outcome.refused.map(\.line) == [11])
    #expect(outcome.refused.first?.refusal == "it would change the action items")
    let linter = Linter(configuration: .everyRule)
    let before = try linter.context(for: SourceFile(path: "r.md", text: text)).report
    let after = try linter.context(for: SourceFile(path: "r.md", text: outcome.fixed)).report
    #expect(FixVerification.problem(before: before, after: after) == nil)
  }

  @Test("inline comments and the configuration decide which fixes run, as for lint")
  func configuration() throws {
    var configuration = LintConfiguration()
    configuration.rules["action_item_id"] = .off
    let off = try Fixer(linter: Linter(configuration: configuration)).fix(path: "r.md", text: "## Action items\n\n- Add an alert\n")
    #expect(!off.fixed.contains("AI-1"))
    let disabled = try fixed("## Action items\n\n<!-- retro-disable-next-line task_list_marker -->\n- [] Add an alert\n", only: ["task_list_marker"])
    #expect(!disabled.changed)
  }

  @Test("fixing is idempotent and keeps the model on a generated set of reports")
  func generated() throws {
    let linter = Linter(configuration: .everyRule)
    for index in 0..<60 {
      let text = GeneratedReport.make(seed: index)
      let outcome = try fixer.fix(path: "gen-\(index).md", text: text)
      let again = try fixer.fix(path: "gen-\(index).md", text: outcome.fixed)
      #expect(!again.changed, "report \(index):\n\(text)")
      let before = try linter.context(for: SourceFile(path: "g.md", text: text)).report
      let after = try linter.context(for: SourceFile(path: "g.md", text: outcome.fixed)).report
      #expect(FixVerification.problem(before: before, after: after) == nil, "report \(index)")
      #expect(after.actionItems.count == before.actionItems.count)
    }
  }

  @Test("the unified diff matches diff -u")
  func unifiedDiff() throws {
    let old = (1...40).map { "line \($0)" }.joined(separator: "\n") + "\n"
    var lines = old.split(separator: "\n").map(String.init)
    lines.insert("new at 3", at: 2)
    lines[20] = "changed"
    lines.remove(at: 35)
    lines.append("tail")
    let new = lines.joined(separator: "\n") + "\n"
    let ours = UnifiedDiff.diff(old, new, oldName: "a", newName: "b")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try old.write(to: directory.appendingPathComponent("a"), atomically: true, encoding: .utf8)
    try new.write(to: directory.appendingPathComponent("b"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
    process.arguments = ["-u", "a", "b"]
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    // diff -u stamps its header lines with times; compare from the first hunk.
    let theirs = String(decoding: data, as: UTF8.self)
    #expect(ours.hasPrefix("--- a\n+++ b\n"))
    #expect(ours.drop(while: { $0 != "@" }) == theirs.drop(while: { $0 != "@" }))
    #expect(UnifiedDiff.diff(old, old, oldName: "a", newName: "b").isEmpty)
  }

  @Test("a file changed on disk after it was read is not written; CRLF and a byte-order mark are kept")
  func files() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-fix-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("r.md").path
    let original = Data([0xEF, 0xBB, 0xBF] + Array("## Action items\r\n\r\n- [] Add an alert\r\n".utf8))
    try original.write(to: URL(fileURLWithPath: path))
    let fileFixer = FileFixer(fixer: fixer, only: ["task_list_marker"])
    let result = fileFixer.fix(path: path)
    #expect(result.output == Data([0xEF, 0xBB, 0xBF] + Array("## Action items\r\n\r\n- [ ] Add an alert\r\n".utf8)))
    try Data("edited meanwhile\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: InputError.self) { try FileFixer.write(result) }
    #expect(FileManager.default.contents(atPath: path) == Data("edited meanwhile\n".utf8))
    try original.write(to: URL(fileURLWithPath: path))
    try FileFixer.write(result)
    #expect(FileManager.default.contents(atPath: path) == result.output)
    // Mixed line endings and invalid bytes are refused rather than rewritten.
    try Data("a\r\nb\n- [] x\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(fileFixer.fix(path: path).error != nil)
    try Data([0x2D, 0x20, 0x5B, 0x5D, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
    #expect(fileFixer.fix(path: path).error != nil)
  }
}
