import Foundation
import Testing

@Suite("retro lint --fix, end to end")
struct LintFixTests {
  /// The bundled examples and the parser's fixtures, copied to a new folder.
  static func copyOfExamples() throws -> URL {
    let directory = try LintCommandTests.temporaryDirectory()
    let sources = [RetroBinary.packageRoot.appendingPathComponent("examples"), RetroBinary.packageRoot.appendingPathComponent("Tests/RetroCoreTests/Fixtures")]
    for source in sources {
      for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".md") || name == ".retro.yml" {
        try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: directory.appendingPathComponent(name))
      }
    }
    return directory
  }

  struct Model: Equatable {
    var items: [String]
    var timeline: [String]
    var title: String?
  }

  static func model(_ directory: URL, _ name: String) throws -> Model {
    let result = try RetroBinary.run(["show", "--format", "json", name], in: directory)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    let items = (object["actionItems"] as? [[String: Any]] ?? []).map { "\($0["text"] ?? "") \($0["status"] ?? "")" }
    let timeline = (object["timeline"] as? [[String: Any]] ?? []).map { "\($0["timeText"] ?? "") \($0["text"] ?? "")" }
    return Model(items: items, timeline: timeline, title: object["title"] as? String)
  }

  @Test("--fix fixes every example in place, a second --fix changes nothing, and every model is kept")
  func examples() throws {
    let directory = try Self.copyOfExamples()
    defer { try? FileManager.default.removeItem(at: directory) }
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".md") }.sorted()
    let before = try Dictionary(uniqueKeysWithValues: names.map { ($0, try Self.model(directory, $0)) })
    let draft = try String(contentsOf: directory.appendingPathComponent("draft-login-outage.md"), encoding: .utf8)

    let fixed = try RetroBinary.run(["lint", "--fix", "."], in: directory)
    #expect(fixed.stderr.contains("draft-login-outage.md: fixed"), "\(fixed.stderr)")
    // What is left is reported as lint reports it.
    #expect(fixed.stdout.contains("Placeholder 'TODO' is left in the report (placeholder_text)"))
    let after = try String(contentsOf: directory.appendingPathComponent("draft-login-outage.md"), encoding: .utf8)
    #expect(after != draft)
    #expect(after.contains("- [AI-1] Investigate the login service"))
    #expect(!fixed.stdout.contains("(missing_section)"))
    for name in names {
      let model = try Self.model(directory, name)
      #expect(model.items == before[name]!.items, "\(name)")
      #expect(model.timeline == before[name]!.timeline, "\(name)")
      if let title = before[name]!.title { #expect(model.title == title, "\(name)") }
    }

    let again = try RetroBinary.run(["lint", "--fix", "--dry-run", "."], in: directory)
    #expect(again.status == 0, "\(again.stdout)")
    #expect(again.stdout.isEmpty)
  }

  @Test("--dry-run prints a unified diff, writes nothing and exits 1 when there is something to fix")
  func dryRun() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("draft.md")
    let text = "# Outage\n\n## Summary\n\nA deploy went out at 10:02 UTC.\n\n## Timeline\n\n- 10:00 deploy\n\n## Action items\n\n- [] Add an alert @ana OPS-1\n"
    try Data(text.utf8).write(to: path)
    // An internal retro's folder: item ids are among its conventions.
    try Data("profile: internal\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    let result = try RetroBinary.run(["lint", "--fix", "--dry-run", "draft.md"], in: directory)
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("--- a/draft.md\n+++ b/draft.md\n@@ "))
    #expect(result.stdout.contains("-## Timeline\n") && result.stdout.contains("+## Timeline (UTC)\n"))
    #expect(result.stdout.contains("+## Impact\n"))
    #expect(result.stdout.contains("-- [] Add an alert @ana OPS-1\n+- [ ] [AI-1] Add an alert @ana OPS-1\n"))
    #expect(try String(contentsOf: path, encoding: .utf8) == text)
    // From standard input: a diff, never a write.
    let stdin = try RetroBinary.run(["lint", "--fix", "--dry-run", "-"], stdin: text)
    #expect(stdin.stdout.contains("+## Impact\n"))
    let refused = try RetroBinary.run(["lint", "--fix", "-"], stdin: text)
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("Standard input cannot be fixed in place"))
    #expect(try RetroBinary.run(["lint", "--dry-run", "draft.md"], in: directory).status != 0)
  }

  @Test("a file with old Mac CR line endings is read line by line and fixed with its CRs kept")
  func carriageReturns() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("mac.md").path
    try Data("## Action items\r\r- [] Add an alert @ana OPS-1\r".utf8).write(to: URL(fileURLWithPath: path))
    let lint = try RetroBinary.run(["lint", "--rule", "task_list_marker", "mac.md"], in: directory)
    #expect(lint.stdout.contains("mac.md:3:"), "\(lint.stdout)")
    let result = try RetroBinary.run(["lint", "--fix", "--rule", "task_list_marker", "mac.md"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("mix of"))
    #expect(FileManager.default.contents(atPath: path) == Data("## Action items\r\r- [ ] Add an alert @ana OPS-1\r".utf8))
  }

  @Test("--fix keeps permissions, CRLF endings and the byte-order mark; refuses invalid bytes, naming the file and line")
  func files() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("crlf.md").path
    try Data([0xEF, 0xBB, 0xBF] + Array("## Action items\r\n\r\n- [] Add an alert @ana OPS-1\r\n".utf8)).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    let result = try RetroBinary.run(["lint", "--fix", "--rule", "task_list_marker", "crlf.md"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.contents(atPath: path) == Data([0xEF, 0xBB, 0xBF] + Array("## Action items\r\n\r\n- [ ] Add an alert @ana OPS-1\r\n".utf8)))
    #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o640)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)

    let bad = directory.appendingPathComponent("bad.md")
    try Data(Array("## Action items\n\n- [] x \u{1}".utf8) + [0xFF, 0x0A]).write(to: bad)
    let refused = try RetroBinary.run(["lint", "--fix", "bad.md"], in: directory)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("bad.md:3"), "\(refused.stderr)")
    #expect(FileManager.default.contents(atPath: bad.path)?.last == 0x0A)
  }

  @Test("retro rules says which rules --fix can fix")
  func rules() throws {
    let list = try RetroBinary.run(["rules"])
    let lines = list.stdout.split(separator: "\n")
    #expect(lines.first { $0.hasPrefix("missing_section ") }?.contains(" fix ") == true)
    #expect(lines.first { $0.hasPrefix("blaming_language ") }?.contains(" fix ") == false)
    #expect(try RetroBinary.run(["rules", "task_list_marker"]).stdout.contains("Fixable: yes"))
    #expect(try RetroBinary.run(["rules", "blaming_language"]).stdout.contains("Fixable: no"))
  }

  // MARK: - Files retro may not take over, and files being appended to

  static let fixable = "# Outage\n\n## Summary\n\nx\n\n## Action items\n\n- [] Add an alert @ana OPS-1\n"

  static func attributes(_ url: URL) throws -> (owner: Int, mode: Int) {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return ((attributes[.ownerAccountID] as? NSNumber)?.intValue ?? -1, (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1)
  }

  @Test("--fix refuses a read-only file and keeps the owner and mode of a file it replaces", .enabled(if: getuid() == 0, "needs root to chown"))
  func ownership() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let readOnly = directory.appendingPathComponent("read-only.md")
    let others = directory.appendingPathComponent("others.md")
    try Data(Self.fixable.utf8).write(to: readOnly)
    try Data(Self.fixable.utf8).write(to: others)
    chmod(readOnly.path, 0o444)
    chown(others.path, 65534, 65534)
    chmod(others.path, 0o640)
    let result = try RetroBinary.run(["lint", "--fix", "read-only.md", "others.md"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr.contains("read-only.md: error: is read-only (mode 0444); not fixed"), "\(result.stderr)")
    #expect(try String(contentsOf: readOnly, encoding: .utf8) == Self.fixable)
    #expect(result.stderr.contains("others.md: fixed"), "\(result.stderr)")
    #expect(try String(contentsOf: others, encoding: .utf8) != Self.fixable)
    let kept = try Self.attributes(others)
    #expect(kept.owner == 65534 && kept.mode == 0o640, "owner \(kept.owner) mode \(String(kept.mode, radix: 8))")
  }

  @Test("--fix run as another user refuses a file that user cannot write, in a folder it can", .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv"))
  func anotherUser() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    chmod(directory.path, 0o777)
    let file = directory.appendingPathComponent("root.md")
    try Data(Self.fixable.utf8).write(to: file)
    chmod(file.path, 0o644)
    let result = try RetroBinary.run(
      ["--reuid=65534", "--regid=65534", "--clear-groups", RetroBinary.executable.path, "lint", "--fix", "root.md"], in: directory,
      executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
    #expect(result.status == 2)
    #expect(result.stderr.contains("root.md: error: cannot be written by this user"), "\(result.stderr)")
    #expect(try String(contentsOf: file, encoding: .utf8) == Self.fixable)
    #expect(try Self.attributes(file).owner == 0)
  }

  @Test("--fix while another process appends to the file loses no appended line, over 150 rounds")
  func concurrentAppends() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("busy.md")
    var fixedRounds = 0
    for round in 0..<150 {
      try Data(Self.fixable.utf8).write(to: file)
      // An appender as a shell's `>>` is (open, write a line, close), at a moment that moves
      // through retro's run from round to round: 0 to 74 ms after it starts.
      let appender = Process()
      appender.executableURL = URL(fileURLWithPath: "/bin/sh")
      appender.arguments = ["-c", "sleep 0.\(String(format: "%03d", round % 75)); echo appended-\(round) >> busy.md"]
      appender.currentDirectoryURL = directory
      try appender.run()
      let result = try RetroBinary.run(["lint", "--fix", "busy.md"], in: directory)
      appender.waitUntilExit()
      if result.stderr.contains("busy.md: fixed") { fixedRounds += 1 }
      let text = try String(contentsOf: file, encoding: .utf8)
      #expect(text.contains("appended-\(round)\n"), "round \(round): the appended line was lost; \(result.stderr)")
    }
    // Some rounds must have fixed the file, or the race was never run.
    #expect(fixedRounds > 0)
  }
}
