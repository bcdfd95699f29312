import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A report from anyone (a pull request linted in CI): deep front matter, alias bombs, deep
/// Markdown and terminal control sequences. Each case runs the built binary under
/// `/usr/bin/time -v` with a time bound and a peak-memory bound (300 MB), generous for the
/// debug build. See docs/RELIABILITY.md, "Threat model".
@Suite("Hostile input, end to end", .serialized)
struct HostileInputTests {
  static let memoryBoundKB = 300 * 1024

  struct Measured {
    var result: RetroBinary.Result
    var seconds: Double
    var peakKB: Int
  }

  /// Runs retro under `/usr/bin/time -v` in `directory`; the peak resident set comes from its report.
  static func measured(_ arguments: [String], in directory: URL) throws -> Measured {
    let start = Date()
    var result = try RetroBinary.run(
      ["-v", RetroBinary.executable.path] + arguments, in: directory, executable: URL(fileURLWithPath: "/usr/bin/time"))
    let seconds = Date().timeIntervalSince(start)
    var peak = 0
    if let line = result.stderr.split(separator: "\n").first(where: { $0.contains("Maximum resident set size") }),
      let value = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
    {
      peak = value
    }
    // time's own report starts at "Command exited" or "\tCommand being timed"; keep retro's part.
    if let cut = result.stderr.range(of: "Command exited with") ?? result.stderr.range(of: "\tCommand being timed") {
      result.stderr = String(result.stderr[..<cut.lowerBound])
    }
    return Measured(result: result, seconds: seconds, peakKB: peak)
  }

  static func folder(_ files: [String: Data]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, data) in files { try data.write(to: directory.appendingPathComponent(name)) }
    return directory
  }

  static func expectBounded(_ run: Measured, seconds: Double, _ label: String) {
    #expect(run.seconds < seconds, "\(label) took \(run.seconds) s")
    #expect(run.peakKB > 0, "\(label): /usr/bin/time gave no peak")
    #expect(run.peakKB < memoryBoundKB, "\(label) peaked at \(run.peakKB) KB")
  }

  // MARK: - Front matter and tree depth

  static let frontMatterDepth = 64  // FrontMatterLimits.depth
  static let treeDepth = 128  // CommonMarkConverter.maximumDepth

  static func deepFrontMatter(_ shape: String, depth: Int) -> String {
    switch shape {
    case "toml array": "+++\na = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n+++\n"
    case "toml inline table": "+++\na = " + String(repeating: "{ b = ", count: depth) + "1" + String(repeating: " }", count: depth) + "\n+++\n"
    case "toml dotted key": "+++\n" + Array(repeating: "k", count: depth).joined(separator: ".") + " = 1\n+++\n"
    case "yaml flow list": "---\na: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n"
    default: "---\na: " + String(repeating: "{b: ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n---\n"
    }
  }

  @Test(
    "front matter 10, 100 and 1,000 times deeper than the bound is a clear error, in bounded time and memory",
    arguments: ["toml array", "toml inline table", "toml dotted key", "yaml flow list", "yaml flow map"], [10, 100, 1000])
  func deepFrontMatter(_ shape: String, _ multiple: Int) throws {
    let text = Self.deepFrontMatter(shape, depth: Self.frontMatterDepth * multiple) + "# Outage\n\n## Summary\n\nx\n"
    let directory = try Self.folder(["report.md": Data(text.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    for command in [["show"], ["lint"]] {
      let run = try Self.measured(command + ["report.md"], in: directory)
      #expect(run.result.status == 2, "\(shape) ×\(multiple) \(command[0]): exit \(run.result.status)")
      #expect(run.result.stderr.hasPrefix("report.md:2:"), "\(run.result.stderr.prefix(200))")
      Self.expectBounded(run, seconds: 10, "\(shape) ×\(multiple) \(command[0])")
    }
  }

  @Test("a YAML alias bomb is refused with the file and line, in bounded time and memory")
  func billionLaughs() throws {
    var lines = ["---", "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
    for level in 1..<10 {
      lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
    }
    let text = (lines + ["title: laughs", "---", "# Summary", "", "x"]).joined(separator: "\n") + "\n"
    let directory = try Self.folder(["report.md": Data(text.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    for command in [["show"], ["lint"], ["show", "--format", "json"]] {
      let run = try Self.measured(command + ["report.md"], in: directory)
      #expect(run.result.status == 2)
      #expect(run.result.stderr.hasPrefix("report.md:6:"), "\(run.result.stderr.prefix(200))")
      #expect(run.result.stderr.contains("aliases"))
      Self.expectBounded(run, seconds: 10, "alias bomb \(command)")
    }
  }

  static func deepMarkdown(_ shape: String, depth: Int) -> String {
    switch shape {
    case "block quotes": String(repeating: ">", count: depth) + " deep\n"
    case "lists": String(repeating: "- ", count: depth) + "item\n"
    case "emphasis": String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth) + "\n"
    default: String(repeating: "[", count: depth) + "x" + String(repeating: "](u)", count: depth) + "\n"
    }
  }

  @Test(
    "Markdown 10, 100 and 1,000 times deeper than the tree bound is read in bounded time and memory",
    arguments: ["block quotes", "lists", "emphasis", "links"], [10, 100, 1000])
  func deepMarkdown(_ shape: String, _ multiple: Int) throws {
    let text = "# Outage\n\n## Summary\n\n" + Self.deepMarkdown(shape, depth: Self.treeDepth * multiple)
    let directory = try Self.folder(["report.md": Data(text.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    for command in [["show", "--format", "json"], ["lint"]] {
      let run = try Self.measured(command + ["report.md"], in: directory)
      #expect(run.result.status == 0 || run.result.status == 1, "\(shape) ×\(multiple): exit \(run.result.status)")
      Self.expectBounded(run, seconds: 20, "\(shape) ×\(multiple) \(command[0])")
    }
  }

  // MARK: - Terminal and CI injection

  static let escape = "\u{1B}"
  /// Every kind of sequence the threat model names, in every place report text is shown.
  static let hostileReport = """
    +++
    title = "Outage \(escape)]0;pwned\u{07} in title"
    severity = "SEV1\(escape)[8m hidden"
    tags = ["db\(escape)[2K", "line\\nforged"]
    services = ["api\u{9B}31m"]
    date = "2024-03-01"
    +++
    # Summary \(escape)[1A\(escape)[2K

    A link \(escape)]8;;https://evil.example\(escape)\\click\(escape)]8;;\(escape)\\ and bidi \u{202E}fdp.exe.

    ## Timeline

    - 10:00 UTC alert fired \(escape)[31mred
    - 10:05 UTC fixed\u{08}\u{08} with backspaces
    - 10:0\(escape)[8m9 UTC odd time

    ## Action items

    - [ ] Fix the pool \(escape)[8m secretly @alice\(escape)[0m due 2024-04-01
    - [ ] Another \u{9B}2K one @bob\(escape)[1A
    - [x] Done \(escape)]0;x\u{07} thing @carol

    """

  /// Every human-readable output: show, explain, lint's text, actions, digest and stats.
  static let humanCommands: [[String]] = [
    ["show", "."], ["show", "--explain", "."], ["lint", "."], ["actions"], ["actions", "--format", "markdown"],
    ["actions", "--recurring"], ["actions", "--status", "all"], ["digest"], ["digest", "--format", "text"], ["stats"],
    ["stats", "--format", "markdown"],
  ]

  /// retro's own colour codes: anything else after an ESC came from the report.
  static let palette = ["0", "1", "2", "31", "32", "33", "36", "1;31", "1;32", "1;33", "1;36"].map { "\u{1B}[\($0)m" }

  static func withoutPalette(_ text: String) -> String {
    palette.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
  }

  static func rawControls(in text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F..<0xA0).contains($0.value)
        || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
    }
  }

  static func expectNoRawControls(in directory: URL, _ label: String) throws {
    let cache = ["XDG_CACHE_HOME": directory.appendingPathComponent(".cache").path]
    _ = try RetroBinary.run(["index", "."], in: directory, environment: cache)
    for command in humanCommands {
      let plain = try RetroBinary.run(command, in: directory, environment: cache)
      #expect(plain.status != 134 && plain.status < 128, "\(label) \(command): exit \(plain.status)")
      let raw = rawControls(in: plain.stdout + plain.stderr)
      #expect(raw.isEmpty, "\(label) \(command) printed raw \(raw.prefix(5).map { String($0.value, radix: 16) })")
      // With colour forced, the only escapes are retro's own colours.
      var forcedEnvironment = cache
      forcedEnvironment["NO_COLOR"] = ""
      forcedEnvironment["CLICOLOR_FORCE"] = "1"
      let forced = try RetroBinary.run(command, in: directory, environment: forcedEnvironment)
      let stripped = withoutPalette(forced.stdout + forced.stderr)
      let left = rawControls(in: stripped)
      #expect(left.isEmpty, "\(label) \(command) with colour printed raw \(left.prefix(5).map { String($0.value, radix: 16) })")
    }
  }

  @Test("control sequences in a report reach no terminal raw, in any human-readable output")
  func controlSequences() throws {
    let directory = try Self.folder(["evil.md": Data(Self.hostileReport.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.expectNoRawControls(in: directory, "hostile report")
    let summary = try RetroBinary.run(["show", "evil.md"], in: directory)
    #expect(summary.stdout.contains("Outage \\e]0;pwned\\x07 in title"))
    #expect(summary.stdout.contains("Fix the pool \\e[8m secretly"))
    let lint = try RetroBinary.run(["lint", "evil.md"], in: directory)
    #expect(lint.stdout.contains("evil.md:"))
  }

  @Test("an error message quoting the input shows its control characters as text")
  func errorMessages() throws {
    let text = "+++\ntitle = \"x\"\nbad = nope\(Self.escape)[2K\n+++\n# Summary\n"
    let directory = try Self.folder(["report.md": Data(text.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try RetroBinary.run(["show", "report.md"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr.contains("report.md:3:"))
    #expect(result.stderr.contains("\\e[2K"))
    #expect(Self.rawControls(in: result.stderr).isEmpty)
  }

  @Test("the github format escapes %, CR and LF as workflow commands need, and shows other controls")
  func githubFormat() throws {
    let text = "# Outage 100% \(Self.escape)[8m\r\n::error::forged\n\n## Summary\n\nx\n"
    let directory = try Self.folder(["a%b.md": Data(text.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try RetroBinary.run(["lint", "--format", "github", "a%b.md"], in: directory)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(!lines.isEmpty)
    for line in lines {
      #expect(line.hasPrefix("::warning file=a%25b.md,") || line.hasPrefix("::error file=a%25b.md,") || line.hasPrefix("::notice file=a%25b.md,"), "\(line)")
    }
    #expect(Self.rawControls(in: result.stdout).isEmpty)
    #expect(!result.stdout.contains("\r"))
  }

  @Test("the checkstyle format is well-formed XML 1.0 whatever controls the report holds")
  func checkstyleFormat() throws {
    let directory = try Self.folder(["evil.md": Data(Self.hostileReport.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try RetroBinary.run(["lint", "--format", "checkstyle", "evil.md"], in: directory)
    #expect(Self.rawControls(in: result.stdout).isEmpty)
    // An XML parser takes it whole, and every finding is an <error> element in it.
    let document = try XMLDocument(xmlString: result.stdout)
    let errors = try document.nodes(forXPath: "//error")
    #expect(!errors.isEmpty)
    #expect(errors.count == result.stdout.components(separatedBy: "<error ").count - 1)
  }

  /// A seeded generator, so a failure reproduces: report text with random control
  /// characters, escape sequences, C1 controls, bidi overrides and odd bytes inserted.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return state >> 33
    }
    mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }

    mutating func hostile() -> [UInt8] {
      switch next() % 6 {
      case 0: return [UInt8(next() % 0x20)]
      case 1: return [0x1B] + Array(pick(["[2K", "[1A", "[8m", "]0;t\u{07}", "]8;;x\u{1B}\\", "[31m", "c", "P"]).utf8)
      case 2: return Array(String(Character(Unicode.Scalar(UInt32(0x80 + next() % 0x20))!)).utf8)
      case 3: return Array(pick(["\u{202E}", "\u{2066}", "\u{200F}", "\u{7F}"]).utf8)
      case 4: return [UInt8(0x80 + next() % 0x80)]  // a stray byte: invalid UTF-8
      default: return [0x0D]
      }
    }

    mutating func spoil(_ text: String) -> [UInt8] {
      var bytes: [UInt8] = []
      for byte in text.utf8 {
        if next() % 7 == 0 { bytes += hostile() }
        bytes.append(byte)
      }
      return bytes.filter { $0 != 0 }  // NUL makes the file binary: a different test
    }

    mutating func report(_ index: Int) -> Data {
      var bytes: [UInt8] = Array("---\ntitle: \"Report \(index)\"\ndate: 2024-02-\(10 + index % 18)\n---\n".utf8)
      bytes += spoil("# Outage \(index) of the api\n\n## Summary\n\nThe pool ran dry.\n\n## Timeline\n\n")
      bytes += spoil("- 10:0\(index % 10) UTC alert fired\n- 10:30 UTC mitigated\n\n## Action items\n\n")
      bytes += spoil("- [ ] Add an alert for pool use @alice due 2024-03-01\n- [x] Raise the limit @bob\n")
      return Data(bytes)
    }
  }

  @Test("property: random report text with control characters never reaches the terminal raw", arguments: [7, 42, 1234])
  func randomControls(_ seed: UInt64) throws {
    var generator = Generator(state: seed)
    var files: [String: Data] = [:]
    for index in 0..<12 { files["r\(index).md"] = generator.report(index) }
    let directory = try Self.folder(files)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.expectNoRawControls(in: directory, "seed \(seed)")
  }

  // MARK: - Workflow commands, glob patterns, outlines

  /// A line the GitHub Actions runner would read as a workflow command: `::` after leading
  /// white space (.NET's, so no-break spaces too), or `##[` anywhere in it.
  /// The lines a runner would take for workflow commands, read with colour codes removed as
  /// well as kept (a runner may strip them before it looks).
  static func workflowCommandLines(in text: String) -> [Substring] {
    var plain = ""
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "\u{1B}" else { plain.unicodeScalars.append(scalar); continue }
      guard let open = scalars.next() else { break }
      guard open == "[" else { plain.unicodeScalars.append(scalar); plain.unicodeScalars.append(open); continue }
      while let inner = scalars.next(), !(0x40...0x7E).contains(inner.value) {}
    }
    return lines(text) + lines(plain)
  }

  private static func lines(_ text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }).filter { line in
      line.drop(while: { $0.isWhitespace }).hasPrefix("::") || line.contains("##[")
    }
  }

  @Test("report text never becomes a workflow command in any human-readable output, nor the github format")
  func workflowCommands() throws {
    let text = """
      # ::error file=app.swift,line=1::forged title
      
      ## Summary
      
      ::warning::a line of its own
        ::notice::indented
      \u{00A0}::error::after a no-break space
      and ##[error]the older form in a line
      
      ## Timeline
      
      - 10:00 UTC ::error::in an entry ##[warning]x
      
      ## Action items
      
      - [ ] ::error::in an item @alice
      """
    let directory = try Self.folder(["::error::evil.md": Data(text.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let cache = ["XDG_CACHE_HOME": directory.appendingPathComponent(".cache").path]
    _ = try RetroBinary.run(["index", "."], in: directory, environment: cache)
    for command in Self.humanCommands + [["show", "::error::evil.md"], ["lint", "::error::evil.md"]] {
      for forced in [false, true] {
        var environment = cache
        if forced { environment["NO_COLOR"] = ""; environment["CLICOLOR_FORCE"] = "1" }
        let result = try RetroBinary.run(command, in: directory, environment: environment)
        // With colour, retro's own code may start a line; the runner does not skip it, so
        // the output is checked as the runner reads it.
        let forged = Self.workflowCommandLines(in: result.stdout + result.stderr)
        #expect(forged.isEmpty, "\(command) colour \(forced): \(forged.prefix(3))")
      }
    }
    let shown = try RetroBinary.run(["show", "."], in: directory)
    #expect(shown.stdout.contains("\\:\\:error file=app.swift,line=1::forged title"), "\(shown.stdout.prefix(300))")
    let github = try RetroBinary.run(["lint", "--format", "github", "."], in: directory)
    let lines = github.stdout.split(separator: "\n")
    #expect(!lines.isEmpty)
    for line in lines {
      #expect(line.hasPrefix("::warning file=") || line.hasPrefix("::error file=") || line.hasPrefix("::notice file="), "\(line)")
      #expect(!line.contains("##["), "\(line)")
    }
  }

  @Test("an ignore pattern of 200,000 * is a configuration error for lint and the language server, not a crash")
  func longIgnorePattern() throws {
    let configuration = "ignore: [\"" + String(repeating: "*", count: 200_000) + "\"]\n"
    let report = "# Outage\n\n## Summary\n\nx\n"
    let directory = try Self.folder([".retro.yml": Data(configuration.utf8), "report.md": Data(report.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let lint = try Self.measured(["lint", "."], in: directory)
    #expect(lint.result.status == 2, "exit \(lint.result.status)")
    #expect(lint.result.stderr.contains(".retro.yml:1:1: error: 'ignore' has a pattern of 200000 characters"), "\(lint.result.stderr.prefix(300))")
    Self.expectBounded(lint, seconds: 10, "lint with a long pattern")

    let client = try LanguageServerClient(directory: directory)
    _ = try client.initialize()
    let uri = directory.appendingPathComponent("report.md").absoluteString
    try LanguageServerTests.open(client, uri, report)
    #expect(!(try client.diagnostics(uri)).isEmpty)
    #expect(try client.shutdown() == 0)

    // Within the bound, a pattern of runs of * and letters still matches in a moment.
    let mixed = "ignore: [\"" + String(repeating: "a**b*?", count: 150) + "\"]\n"
    try Data(mixed.utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    try Data(report.utf8).write(to: directory.appendingPathComponent(String(repeating: "ab", count: 100) + ".md"))
    let bounded = try Self.measured(["lint", "."], in: directory)
    #expect([0, 1].contains(bounded.result.status), "exit \(bounded.result.status) \(bounded.result.stderr.prefix(300))")
    Self.expectBounded(bounded, seconds: 10, "lint with a mixed pattern")
  }

  @Test("the outline of a 4 MB document of 80,000 sections comes in bounded time (it was quadratic)")
  func largeOutline() throws {
    var text = "# Big outage\n\n## Summary\n\nThings broke.\n\n"
    var index = 0
    while text.utf8.count < 4_000_000 {
      text += "### Detail \(index)\n\nSome text é ünïcode line \(index).\n\n"
      index += 1
    }
    let directory = try Self.folder([:])
    defer { try? FileManager.default.removeItem(at: directory) }
    let client = try LanguageServerClient(directory: directory, timeout: 300)
    _ = try client.initialize()
    let uri = directory.appendingPathComponent("big.md").absoluteString
    try LanguageServerTests.open(client, uri, text)
    let start = Date()
    let response = try client.request("textDocument/documentSymbol", ["textDocument": ["uri": uri]])
    let seconds = Date().timeIntervalSince(start)
    let symbols = try #require(response["result"] as? [[String: Any]])
    func count(_ symbols: [[String: Any]]) -> Int {
      symbols.reduce(0) { total, symbol in
        total + ((symbol["name"] as? String)?.hasPrefix("Detail ") == true ? 1 : 0) + count(symbol["children"] as? [[String: Any]] ?? [])
      }
    }
    let details = count(symbols)
    #expect(details == index, "\(details) of \(index) sections")
    // Debug build: about 18 s with the analysis; the quadratic outline took 87 s.
    #expect(seconds < 45, "the outline took \(seconds) s")
    #expect(try client.shutdown() == 0)
  }
}
