import Foundation
import Testing
@testable import RetroLint

/// Each reporter against a golden file. To accept a deliberate change, run the tests with
/// RETRO_UPDATE_GOLDEN=1 and review the diff.
@Suite("Reporters")
struct ReporterTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

  static let diagnostics: [Diagnostic] = [
    Diagnostic(
      ruleId: "missing_section", severity: .error,
      message: "The report has no Impact section; add one headed 'Impact'", path: "retros/a b.md", line: 1),
    Diagnostic(
      ruleId: "placeholder_text", severity: .warning, message: "Placeholder 'TODO' is left in the report",
      path: "retros/a b.md", line: 3, column: 7),
    Diagnostic(
      ruleId: "duplicate_action_item_id", severity: .error, message: "Action item id AI-7 is already used",
      path: "retros/c.md", line: 2, column: 1,
      note: .init(message: "first used here", path: "retros/a b.md", line: 5)),
    Diagnostic(
      ruleId: "blaming_language", severity: .info, message: "Blaming language ('careless'), with <xml> & \"quotes\"",
      path: "retros/c.md", line: 4, column: 3),
  ]

  static let lines: [String: [Int: Substring]] = [
    "retros/a b.md": [1: "# Title", 2: "", 3: "Owner TODO here"],
    "retros/c.md": [1: "## Action items", 2: "- [AI-7] x", 3: "", 4: "- a careless change"],
  ]

  /// Text with every kind of character a hand-written format must escape.
  static let odd = "quote \" back \\ slash / tab \t nl \n cr \r bell \u{07} nul-ish \u{01} del \u{7F} ünï 😀 \u{202E} \u{0C}\u{08}"

  @Test("JSON written by hand is the encoder's bytes, for every kind of character")
  func handWrittenJSON() throws {
    let odd = Self.odd
    let diagnostics = [
      Diagnostic(ruleId: "placeholder_text", severity: .warning, message: odd, path: "dir/a \"b\".md", line: 3, column: 7),
      Diagnostic(
        ruleId: "duplicate_action_item", severity: .error, message: "x", path: "p.md", line: 1,
        note: .init(message: odd, path: "q/\\r.md", line: 9)),
      Diagnostic(ruleId: "input", severity: .info, message: "", path: "", line: 1),
    ]
    let ours = JSONReporter().report(diagnostics, fileCount: 1, lines: [:])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let theirs = String(decoding: try encoder.encode(diagnostics), as: UTF8.self) + "\n"
    #expect(ours == theirs)
  }

  @Test("SARIF results written by hand read back as what they say, for every kind of character")
  func handWrittenSARIF() throws {
    let odd = Self.odd
    let diagnostics = [
      Diagnostic(ruleId: "placeholder_text", severity: .warning, message: odd, path: "dir/a \"b\".md", line: 3, column: 7),
      Diagnostic(
        ruleId: "no_such_rule", severity: .error, message: "x", path: "./p q.md", line: 1,
        note: .init(message: odd, path: "q/\\r.md", line: 9)),
    ]
    let output = SARIFReporter().report(diagnostics, fileCount: 1, lines: [:])
    let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 2)
    #expect((results[0]["message"] as? [String: Any])?["text"] as? String == odd)
    #expect(results[0]["level"] as? String == "warning")
    #expect(results[1]["ruleIndex"] as? Int == 0)
    let location = try #require((results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "p%20q.md")
    #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 1)
    let related = try #require((results[1]["relatedLocations"] as? [[String: Any]])?.first)
    #expect((related["message"] as? [String: Any])?["text"] as? String == odd)
    // With no finding the log is the encoder's, results empty.
    let empty = SARIFReporter().report([], fileCount: 1, lines: [:])
    let emptyLog = try #require(try JSONSerialization.jsonObject(with: Data(empty.utf8)) as? [String: Any])
    #expect(((emptyLog["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.isEmpty == true)
  }

  @Test("each format matches its golden file", arguments: ReporterRegistry.identifiers)
  func golden(_ format: String) throws {
    let reporter = try #require(ReporterRegistry.reporter(named: format, color: false))
    let output = reporter.report(Self.diagnostics, fileCount: 2, lines: Self.lines)
    let file = Self.golden.appendingPathComponent("report.\(format)")
    if ProcessInfo.processInfo.environment["RETRO_UPDATE_GOLDEN"] != nil {
      try output.write(to: file, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(output == expected)
  }

  @Test("text output puts a caret under the column and colours only when asked")
  func caretAndColor() throws {
    let plain = TextReporter(color: false).report(Self.diagnostics, fileCount: 2, lines: Self.lines)
    #expect(plain.contains("    Owner TODO here\n          ^\n"))
    #expect(!plain.contains("\u{1B}["))
    #expect(plain.hasSuffix("2 errors, 1 warning, 1 info in 2 files\n"))
    let colored = TextReporter(color: true).report(Self.diagnostics, fileCount: 2, lines: Self.lines)
    #expect(colored.contains("\u{1B}[1;31merror"))
  }

  @Test("SARIF carries rule metadata for every rule and valid locations")
  func sarif() throws {
    let output = SARIFReporter().report(Self.diagnostics, fileCount: 2, lines: Self.lines)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect(json["version"] as? String == "2.1.0")
    let run = try #require((json["runs"] as? [[String: Any]])?.first)
    let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    #expect(rules.count == RuleRegistry.descriptions.count)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 4)
    #expect(output.contains("\"uri\" : \"retros/a%20b.md\""))
    #expect(results.map { $0["level"] as? String } == ["error", "warning", "error", "note"])
  }
}
