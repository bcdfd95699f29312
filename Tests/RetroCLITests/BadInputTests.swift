import Foundation
import Testing

/// Hostile and broken input: each case ends in a clear error or a graceful result, never a
/// crash or a hang, within a generous time bound (the suite runs the debug build).
@Suite("Bad input, end to end", .serialized)
struct BadInputTests {
  static func folder() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// Runs retro on one file written with `bytes`; returns the result and the seconds taken.
  static func run(_ command: [String], bytes: Data, name: String = "report.md") throws -> (RetroBinary.Result, Double) {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try bytes.write(to: directory.appendingPathComponent(name))
    let start = Date()
    let result = try RetroBinary.run(command + [name], in: directory, environment: ["XDG_CACHE_HOME": directory.appendingPathComponent("cache").path])
    return (result, Date().timeIntervalSince(start))
  }

  /// Graceful means exit 0 or 1 (findings) and no crash signal.
  static func expectGraceful(_ result: RetroBinary.Result, _ label: String) {
    #expect(result.status == 0 || result.status == 1, "\(label): exit \(result.status): \(result.stderr.prefix(300))")
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var label: String
    var bytes: Data
    var seconds: Double
    var testDescription: String { label }
  }

  static let graceful: [Case] = [
    Case(label: "empty file", bytes: Data(), seconds: 10),
    Case(label: "only front matter", bytes: Data("---\ntitle: x\n---\n".utf8), seconds: 10),
    Case(label: "tabs and CRLF", bytes: Data("# T\r\n\r\n## Summary\r\n\r\n\tindented\ttabs\r\n\r\n## Timeline\r\n\r\n-\t10:00\tstart\r\n".utf8), seconds: 10),
    Case(label: "byte-order mark", bytes: Data([0xEF, 0xBB, 0xBF] + Array("# T\n\n## Summary\n\nx\n".utf8)), seconds: 10),
    Case(label: "invalid UTF-8", bytes: Data(Array("# T\n\n## Summary\n\n".utf8) + [0xFF, 0xC0, 0x80, 0xED, 0xA0, 0x80]), seconds: 10),
    Case(label: "10,000 nested block quotes", bytes: Data((String(repeating: ">", count: 10000) + " deep\n").utf8), seconds: 10),
    Case(label: "10,000 nested lists", bytes: Data((String(repeating: "- ", count: 10000) + "item\n").utf8), seconds: 10),
    Case(label: "nested quotes and lists mixed", bytes: Data((String(repeating: "> - ", count: 5000) + "x\n").utf8), seconds: 10),
    Case(label: "a line of 1 MB", bytes: Data(("## Summary\n\n" + String(repeating: "word ", count: 200_000) + "\n").utf8), seconds: 20),
    Case(
      label: "100,000 timeline entries",
      bytes: Data(("---\ndate: 2024-01-01\n---\n## Timeline\n\n" + (0..<100_000).map { "- \(String(format: "%02d:%02d", ($0 / 60) % 24, $0 % 60)) event \($0)\n" }.joined()).utf8),
      seconds: 60),
    Case(label: "impossible dates and times", bytes: Data("---\ndate: 31/02/2019\n---\n# Outage 31/02/2019\n\n## Timeline\n\n- 25:61 nonsense\n- 31/02/2019 10:00 also nonsense\n- 99:99:99 more\n".utf8), seconds: 10),
    Case(label: "hostile title", bytes: Data("---\ntitle: ../../etc/passwd\nstatus: final\ndate: 2024-01-01\n---\n## Summary\n\nx\n".utf8), seconds: 10),
    Case(label: "template syntax in the text", bytes: Data("# {{title}}\n\n## Summary\n\n{{#x}}{{/y}} {{{raw}}} {{> partial}}\n".utf8), seconds: 10),
  ]

  @Test("lint and show stay graceful and bounded", arguments: graceful)
  func gracefulCases(_ input: Case) throws {
    for command in [["lint"], ["show", "--format", "json"]] {
      let (result, seconds) = try Self.run(command, bytes: input.bytes)
      Self.expectGraceful(result, "\(command[0]) \(input.label)")
      #expect(seconds < input.seconds, "\(command[0]) \(input.label) took \(seconds) s")
    }
  }

  @Test("a 100 MB report is read in bounded time")
  func hundredMegabytes() throws {
    let chunk = "## Section\n\n" + String(repeating: "Some text about the incident. ", count: 30) + "\n\n"
    let text = String(repeating: chunk, count: 100_000_000 / chunk.utf8.count + 1)
    let (result, seconds) = try Self.run(["show", "--format", "json"], bytes: Data(text.utf8))
    Self.expectGraceful(result, "100 MB")
    #expect(seconds < 180, "took \(seconds) s")
  }

  @Test("unusable input is a clear error naming the file", arguments: [
    ("front matter never closed", "---\ntitle: x\n\n# Body\n", "report.md:1:1: error: front matter opened with '---' is never closed"),
    ("front matter that is a list", "---\n- a\n- b\n---\n", "report.md:2:1: error: front matter must be a map"),
    ("NUL bytes", "# T\n\u{0}\u{1}\n", "report.md:2: error: contains NUL bytes"),
  ])
  func errors(_ label: String, _ text: String, _ message: String) throws {
    let (result, _) = try Self.run(["lint"], bytes: Data(text.utf8))
    #expect(result.status == 2, "\(label)")
    #expect(result.stderr.contains(message), "\(label): \(result.stderr)")
  }

  @Test("a directory named like a report, a symlink loop and a dangling link")
  func filesystemOddities() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder.md"), withIntermediateDirectories: true)
    try Data("# A\n\n## Summary\n\nx\n".utf8).write(to: directory.appendingPathComponent("folder.md/inside.md"))
    try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop").path, withDestinationPath: directory.path)
    try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("dangling.md").path, withDestinationPath: "/no/such/file.md")
    let start = Date()
    let result = try RetroBinary.run(["lint", "."], in: directory)
    #expect(Date().timeIntervalSince(start) < 10)
    Self.expectGraceful(result, "tree")
    #expect(result.stdout.contains("in 1 file"), "\(result.stdout.suffix(200))")
    // A folder is a folder whatever its name: its reports are read.
    let direct = try RetroBinary.run(["show", "folder.md"], in: directory)
    #expect(direct.status == 0)
    #expect(direct.stdout.contains("folder.md/inside.md"))
  }

  @Test("an unreadable file is a clear error", .enabled(if: getuid() != 0, "root reads every file, so permissions cannot be tested as root"))
  func unreadable() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("secret.md")
    try Data("# x\n".utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
    let result = try RetroBinary.run(["lint", "secret.md"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr.contains("secret.md: error: cannot be read"))
  }

  @Test("a UTF-16 file says it is UTF-16 and how to fix it, with or without a byte-order mark", arguments: [
    ("le.md", [0xFF, 0xFE] as [UInt8], true, "UTF-16 (little-endian, byte-order mark FF FE)"),
    ("be.md", [0xFE, 0xFF], false, "UTF-16 (big-endian, byte-order mark FE FF)"),
    ("bare.md", [], true, "UTF-16 (little-endian, no byte-order mark)"),
  ])
  func utf16(_ name: String, _ mark: [UInt8], _ littleEndian: Bool, _ message: String) throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let units = "# Title\n\n## Summary\n".utf16.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    try Data(mark + units).write(to: directory.appendingPathComponent(name))
    let result = try RetroBinary.run(["lint", name], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(name): error: is \(message); save it as UTF-8"), "\(result.stderr)")
    #expect(!result.stderr.contains("binary"))
  }

  @Test("a FIFO is not a regular file, and reading it does not wait for a writer")
  func fifo() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(mkfifo(directory.appendingPathComponent("pipe.md").path, 0o644) == 0)
    for command in [["lint", "pipe.md"], ["show", "pipe.md"]] {
      let result = try RetroBinary.run(command, in: directory)
      #expect(result.status == 2)
      #expect(result.stderr.contains("pipe.md: error: is not a regular file (a FIFO)"), "\(result.stderr)")
    }
  }

  @Test("a configuration with unknown keys and wrong types is a clear error", arguments: [
    ("colour: blue\n", "'colour' is not a setting retro knows"),
    ("summaryMaxWords: [1, 2]\n", "'summaryMaxWords' must be a positive whole number"),
    ("rules: off\n", "'rules' must map rule ids"),
    ("severityScale: SEV1\n", "'severityScale' must be a list"),
  ])
  func configuration(_ yaml: String, _ message: String) throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(yaml.utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    try Data("# x\n".utf8).write(to: directory.appendingPathComponent("r.md"))
    let result = try RetroBinary.run(["lint", "r.md"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr.contains(".retro.yml:1:1: error: \(message)"), "\(result.stderr)")
  }

  @Test("a template with an unclosed section names its file, line and column")
  func template() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("mine/site"), withIntermediateDirectories: true)
    try Data("<main>\n{{#sections}}\n<h2>{{heading}}</h2>\n".utf8).write(to: directory.appendingPathComponent("mine/site/incident.mustache"))
    let result = try RetroBinary.run(["templates", "check", "mine"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.contains("mine/site/incident.mustache:"), "\(result.stderr)")
    #expect(result.stderr.contains("never closed"))
  }
}
