import Testing
@testable import RetroCore

@Suite("Front matter")
struct FrontMatterTests {
  @Test("YAML front matter is split off and body lines keep their numbers")
  func yaml() throws {
    let text = "---\ntitle: \"A\"\ncolors: blueish\ntags: [a, b]\ncount: 3\n---\n\n## Summary\n"
    let result = try FrontMatterSplitter.split(text, path: "a.md")
    let values = try #require(result.frontMatter?.values)
    #expect(values.keys == ["title", "colors", "tags", "count"])
    #expect(values["tags"] == .array([.string("a"), .string("b")]))
    #expect(values["count"] == .int(3))
    let document = MarkdownDocument(parsing: result.body)
    #expect(document.root.children.first?.range?.start.line == 8)
  }

  @Test("TOML front matter between +++ lines, with tables and arrays")
  func toml() throws {
    let text = "+++\ntitle = \"docs.rs outage\"\nauthors = [\"Pietro\",\n  \"Ana\"]\n\n[extra]\nteam = 'infra' # comment\nsev = 2\n+++\nbody\n"
    let result = try FrontMatterSplitter.split(text, path: "a.md")
    let values = try #require(result.frontMatter?.values)
    #expect(result.frontMatter?.format == .toml)
    #expect(values["authors"]?.stringList == ["Pietro", "Ana"])
    #expect(values.lookup(["team"]) == .string("infra"))
    #expect(values.lookup(["sev"]) == .int(2))
  }

  @Test("malformed YAML names the file, line and column")
  func malformedYAML() throws {
    let error = #expect(throws: InputError.self) {
      try FrontMatterSplitter.split("---\ntitle: ok\ntags: [a, b\n---\n", path: "bad.md")
    }
    #expect(error?.path == "bad.md")
    #expect((error?.line ?? 0) >= 3)
    #expect(error?.column != nil)
  }

  @Test("YAML that is a list, not a map, is refused")
  func listFrontMatter() {
    #expect(throws: InputError.self) {
      try FrontMatterSplitter.split("---\n- a\n- b\n---\n", path: "list.md")
    }
  }

  @Test("front matter that is never closed is an error at line 1")
  func unclosed() {
    #expect(throws: InputError(path: "u.md", line: 1, column: 1, message: "front matter opened with '---' is never closed")) {
      try FrontMatterSplitter.split("---\ntitle: x\n\n# Body\n", path: "u.md")
    }
  }

  @Test("malformed TOML names the line and column and shows the line")
  func malformedTOML() {
    let error = #expect(throws: InputError.self) {
      try FrontMatterSplitter.split("+++\ntitle = \"x\"\ndate = tomorrow\n+++\n", path: "t.md")
    }
    #expect(error?.line == 3)
    #expect(error?.excerpt == "date = tomorrow")
  }

  @Test("an unclosed quote or list is shown where it opens, with a caret, not where the reader gave up")
  func unclosedYAML() {
    let quote = #expect(throws: InputError.self) {
      try FrontMatterSplitter.split("---\ntitle: \"Broken\ndate: 2024-01-02\nseverity: SEV2\n---\n# X\n", path: "q.md")
    }
    #expect(quote?.line == 2 && quote?.column == 8)
    #expect(quote?.message.contains("the quoted text opened here is not closed") == true)
    #expect(quote?.description.hasSuffix(" 2 | title: \"Broken\n   |        ^") == true)
    let list = #expect(throws: InputError.self) {
      try FrontMatterSplitter.split("---\ntitle: ok\ntags: [a, b\nother: x\n---\n", path: "l.md")
    }
    #expect(list?.line == 3 && list?.column == 7)
    #expect(list?.message.contains("the '[' list opened here is not closed") == true)
    // A colon in a plain value: where it is, and what to do.
    let colon = #expect(throws: InputError.self) {
      try FrontMatterSplitter.split("---\ntitle: Ok: yes: no\n---\n", path: "c.md")
    }
    #expect(colon?.line == 2 && colon?.column == 10)
    #expect(colon?.message.contains("must be quoted") == true)
  }

  // MARK: - Bounds (FrontMatterLimits)

  /// Front matter nested `depth` levels, in each shape a reader recurses on.
  static func nested(_ shape: String, depth: Int) -> String {
    switch shape {
    case "toml array": return "+++\na = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n+++\n"
    case "toml inline table":
      return "+++\na = " + String(repeating: "{ b = ", count: depth - 1) + "1" + String(repeating: " }", count: depth - 1) + "\n+++\n"
    case "toml dotted key": return "+++\n" + Array(repeating: "k", count: depth).joined(separator: ".") + " = 1\n+++\n"
    case "toml table header": return "+++\n[" + Array(repeating: "k", count: depth - 1).joined(separator: ".") + "]\nv = 1\n+++\n"
    case "yaml flow list": return "---\na: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n"
    default: return "---\na: " + String(repeating: "{b: ", count: depth - 1) + "1" + String(repeating: "}", count: depth - 1) + "\n---\n"
    }
  }

  static let shapes = ["toml array", "toml inline table", "toml dotted key", "toml table header", "yaml flow list", "yaml flow map"]

  @Test("front matter at the depth bound is read, one level past it is refused with its line", arguments: shapes)
  func depthBound(_ shape: String) throws {
    let limit = FrontMatterLimits.depth
    #expect(try FrontMatterSplitter.split(Self.nested(shape, depth: limit), path: "ok.md").frontMatter != nil)
    let error = #expect(throws: InputError.self) {
      try FrontMatterSplitter.split(Self.nested(shape, depth: limit + 1), path: "deep.md")
    }
    #expect(error?.path == "deep.md")
    #expect(error?.line == 2)
    #expect(error?.message.contains("nest") == true)
  }

  @Test("front matter 10, 100 and 1,000 times deeper than the bound is refused, not a crash", arguments: shapes, [10, 100, 1000])
  func farPastTheBound(_ shape: String, _ multiple: Int) {
    let error = #expect(throws: InputError.self) {
      try FrontMatterSplitter.split(Self.nested(shape, depth: FrontMatterLimits.depth * multiple), path: "deep.md")
    }
    #expect(error?.line == 2)
  }

  @Test("YAML aliases that expand past the value bound are refused, naming the key's line")
  func billionLaughs() {
    var lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1..<10 {
      lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
    }
    let text = (lines + ["---", "# Summary"]).joined(separator: "\n")
    let error = #expect(throws: InputError.self) { try FrontMatterSplitter.split(text, path: "laughs.md") }
    #expect(error?.message.contains("aliases") == true)
    // a0 to a3 expand to 12,344 values, a4 to 111,110 more: the bound is crossed in a4, line 6.
    #expect(error?.line == 6)
  }

  @Test("a few aliases, as real front matter uses them, are read")
  func modestAliases() throws {
    let text = "---\nowner: &lead alice\nreviewers: [*lead, bob]\n---\n"
    let values = try #require(try FrontMatterSplitter.split(text, path: "a.md").frontMatter?.values)
    #expect(values["reviewers"]?.stringList == ["alice", "bob"])
  }
}
