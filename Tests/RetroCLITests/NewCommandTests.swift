import Foundation
import Testing

/// `retro new` writes what it is given so that retro reads it back as given.
@Suite("retro new: any value reads back as written")
struct NewCommandTests {
  /// Values YAML would misread if written as they are, and text that is simply unusual.
  static let values = [
    "P1: critical", "Jane Doe #ops", "it's \"quoted\" \\ back\\slash", "line one\nline two", "@ana", "*bold*", "&anchor",
    "!tag", "- dash", "? question", "| pipe", "> fold", "[x, y]", "{a: b}", "%YAML", "`tick`", "true", "no", "null", "~",
    "123", "1e3", "2024-01-01", ".inf", "ünïcødé 事故 🚒", "tab\there", "escape \u{1B}[31m red", "---", "...", "# hash",
    "a, b", "line\u{2028}separator", "C1 \u{85} next line", "Jane O'Brien", "SEV2", "Ana B", "x: y # z",
  ]

  /// Runs `retro new` with `value` as title, severity and author in the `template`, then
  /// `retro show --format json` on the file it wrote.
  static func roundTrip(_ value: String, template: String, in directory: URL) throws -> [String: Any] {
    // `retro new` refuses a severity off the scale, so the value is put on it first (written
    // as a JSON string, which YAML reads as the same text), keeping the file's other keys.
    let configuration = directory.appendingPathComponent(".retro.yml")
    let kept = ((try? String(contentsOf: configuration, encoding: .utf8)) ?? "")
      .split(separator: "\n").filter { !$0.hasPrefix("severityScale:") }.joined(separator: "\n")
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    let scale = String(decoding: try encoder.encode([value]), as: UTF8.self)
    try Data(((kept.isEmpty ? "" : kept + "\n") + "severityScale: \(scale)\n").utf8).write(to: configuration)
    let new = try RetroBinary.run(
      ["new", "--severity=\(value)", "--author=\(value)", "--template", template, "--date", "2024-05-06", "--dir", "out", "--", value],
      in: directory)
    #expect(new.status == 0, "\(new.stderr)")
    let path = new.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    guard new.status == 0, !path.isEmpty else { return [:] }
    let show = try RetroBinary.run(["show", path, "--format", "json"], in: directory)
    #expect(show.status == 0, "\(value.debugDescription) in \(template): \(show.stderr)")
    // Titles such as `---` and `...` have the same slug: each value writes its own file.
    try? FileManager.default.removeItem(atPath: path.hasPrefix("/") ? path : directory.appendingPathComponent(path).path)
    return (try? JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]) ?? [:]
  }

  @Test("a title, severity and author with colons, #, quotes, line breaks, YAML indicators or unicode read back exactly", arguments: ["default", "atlassian"])
  func frontMatter(_ template: String) throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for value in Self.values {
      let report = try Self.roundTrip(value, template: template, in: directory)
      #expect(report["title"] as? String == value, "title \(value.debugDescription) in \(template)")
      #expect(report["severity"] as? String == value, "severity \(value.debugDescription) in \(template)")
      #expect(report["authors"] as? [String] == [value], "author \(value.debugDescription) in \(template)")
    }
  }

  @Test("google-sre's labels in the body: one-line values with colons, #, quotes and unicode read back exactly")
  func bodyLabels() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for value in ["P1: critical", "Jane Doe #ops", "it's \"quoted\" \\ back\\slash", "ünïcødé 事故 🚒", "x: y # z"] {
      let report = try Self.roundTrip(value, template: "google-sre", in: directory)
      #expect(report["title"] as? String == value, "title \(value.debugDescription)")
      #expect(report["severity"] as? String == value, "severity \(value.debugDescription)")
      #expect(report["authors"] as? [String] == [value], "author \(value.debugDescription)")
    }
  }

  @Test("plain words stay plain in the front matter; others are double-quoted")
  func plainWhereSafe() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try RetroBinary.run(
      ["new", "Disk full", "--severity", "SEV2", "--author", "Jane Doe #ops", "--date", "2024-05-06", "--dir", "."], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOf: directory.appendingPathComponent("2024-05-06-disk-full.md"), encoding: .utf8)
    #expect(text.hasPrefix("---\ntitle: \"Disk full\"\ndate: 2024-05-06\nseverity: SEV2\nstatus: draft\nauthors: [\"Jane Doe #ops\"]\n"))
  }

  @Test("a user's TOML template and single-quoted YAML slots read back exactly too")
  func userTemplates() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let mine = directory.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    try Data("+++\ntitle = \"{{title}}\"  # {{title}}\ndate = {{date}}\nseverity = {{severity}}\nauthors = [{{author}}]\n+++\n\n# {{title}}\n".utf8)
      .write(to: mine.appendingPathComponent("toml.md"))
    try Data("---\ntitle: '{{title}}'\nseverity:   {{severity}}\nauthors:\n  - {{author}}\n---\n".utf8)
      .write(to: mine.appendingPathComponent("single.md"))
    try Data("templates: mine\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    for template in ["toml", "single"] {
      for value in Self.values {
        let report = try Self.roundTrip(value, template: template, in: directory)
        #expect(report["title"] as? String == value, "title \(value.debugDescription) in \(template)")
        #expect(report["severity"] as? String == value, "severity \(value.debugDescription) in \(template)")
        #expect(report["authors"] as? [String] == [value], "author \(value.debugDescription) in \(template)")
      }
    }
  }
}
