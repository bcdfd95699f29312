import Foundation
import Testing

@Suite("retro show, end to end")
struct ShowCommandTests {
  static let examples = RetroBinary.packageRoot.appendingPathComponent("examples")
  static let exampleFiles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
    return names.filter { $0.hasSuffix(".md") }.sorted()
  }()

  @Test("the examples folder holds at least five reports")
  func enoughExamples() {
    #expect(Self.exampleFiles.count >= 5)
  }

  @Test("JSON output of every example validates against the published schema", arguments: exampleFiles)
  func schema(_ name: String) throws {
    let result = try RetroBinary.run(["show", "--format", "json", "examples/\(name)"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let validator = try JSONSchemaValidator(
      schemaAt: RetroBinary.packageRoot.appendingPathComponent("docs/schema/incident-report.schema.json"))
    let errors = validator.errors(in: json)
    #expect(errors.isEmpty, "\(errors.prefix(5))")
  }

  @Test("several files give a JSON array, in path order")
  func array() throws {
    let result = try RetroBinary.run(["show", "--format", "json", "examples"])
    #expect(result.status == 0)
    let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(reports.count == Self.exampleFiles.count)
    let sources = reports.compactMap { $0["source"] as? String }
    #expect(sources == sources.sorted())
  }

  @Test("the fleet roll-out example: sections, three timeline entries, six open items")
  func fleetExample() throws {
    let result = try RetroBinary.run(["show", "--format", "json", "examples/2019-02-25-fleet-rollout.md"])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let timeline = try #require(report["timeline"] as? [[String: Any]])
    #expect(timeline.compactMap { $0["instant"] as? String } == ["2019-02-25T18:45:00Z", "2019-02-25T19:45:00Z", "2019-02-25T20:15:00Z"])
    let items = try #require(report["actionItems"] as? [[String: Any]])
    #expect(items.count == 6)
    #expect(items.allSatisfy { $0["status"] as? String == "open" })
    #expect(report["date"] as? String == "2019-02-25")
    #expect(report["publishedDate"] as? String == "2019-03-01")
    let metrics = try #require(report["metrics"] as? [String: Any])
    #expect(metrics["timeToDetect"] as? Double == 3600)
  }

  @Test("text output shows the checklist, the timeline with offsets and the items")
  func text() throws {
    let result = try RetroBinary.run(["show", "examples/2019-02-25-fleet-rollout.md"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("✓ Timeline"))
    #expect(result.stdout.contains("+1h00m"))
    #expect(result.stdout.contains("Action items (6, 6 open)"))
    #expect(!result.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set")
  }

  @Test("--explain prints each section's kind and the evidence for it")
  func explain() throws {
    let result = try RetroBinary.run(
      ["show", "--explain", "-"],
      stdin: "# T\n\n## Root causes and trigger\n\nx\n\n## Notes\n\n- 10:00 a\n- 10:05 b\n- 10:30 c\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("rootCauses+trigger by heading"))
    #expect(result.stdout.contains("rootCauses 5 (\"root cause\")"))
    #expect(result.stdout.contains("timeline by content"))
    #expect(result.stdout.contains("3 of 3 lines timestamped"))
    let json = try RetroBinary.run(["show", "--explain", "--format", "json", "examples/"])
    #expect(json.status != 0)
  }

  @Test("standard input with -")
  func standardInput() throws {
    let result = try RetroBinary.run(["show", "--format", "json", "-"], stdin: "# Outage\n\n## Summary\n\nDown.\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"title\" : \"Outage\""))
  }

  @Test("a missing file is exit 2 with its name; other files are still shown")
  func missingFile() throws {
    let result = try RetroBinary.run(["show", "examples/2019-02-25-fleet-rollout.md", "nope.md"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("nope.md: error: no such file or directory"))
  }

  @Test("malformed front matter is exit 2 naming file, line and column")
  func badFrontMatter() throws {
    let result = try RetroBinary.run(["show", RetroBinary.fixtures.appendingPathComponent("bad-front-matter.md").path])
    #expect(result.status == 2)
    // At the '[' that is never closed, not the next line where the YAML reader gave up.
    #expect(result.stderr.contains("bad-front-matter.md:3:7: error:"))
    #expect(result.stderr.contains("not valid YAML"))
    #expect(result.stderr.contains(" 3 | tags: [a, b\n   |       ^"))
  }

  @Test("a binary file is refused; invalid UTF-8 is a warning, not a failure")
  func oddBytes() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data([0x23, 0x20, 0x41, 0x00, 0x01]).write(to: directory.appendingPathComponent("binary.md"))
    try Data(Array("# A\n\n## Summary\n\nbad ".utf8) + [0xC3, 0x28]).write(to: directory.appendingPathComponent("latin.md"))
    let binary = try RetroBinary.run(["show", directory.appendingPathComponent("binary.md").path])
    #expect(binary.status == 2)
    #expect(binary.stderr.contains("NUL bytes"))
    let latin = try RetroBinary.run(["show", directory.appendingPathComponent("latin.md").path])
    #expect(latin.status == 0)
    #expect(latin.stderr.contains("latin.md:5:5: warning: invalid UTF-8"))
  }

  @Test("the configuration file is found upward and a bad one is exit 2")
  func configuration() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-cfg-\(UUID().uuidString)")
    let nested = directory.appendingPathComponent("reports/2024")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("dateOrder: month-first\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    try Data("# Outage 03/04/2021\n\n## Summary\n\nx\n".utf8).write(to: nested.appendingPathComponent("r.md"))
    let result = try RetroBinary.run(["show", "--format", "json", "r.md"], in: nested)
    #expect(result.stdout.contains("\"date\" : \"2021-03-04\""))
    try Data("dateOrder: 12\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    let bad = try RetroBinary.run(["show", "r.md"], in: nested)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains(".retro.yml:1:1: error: 'dateOrder' must be day-first or month-first"))
  }

  @Test("--version and --help with examples")
  func helpAndVersion() throws {
    #expect(try RetroBinary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    let help = try RetroBinary.run(["show", "--help"])
    #expect(help.stdout.contains("Examples:"))
  }
}
