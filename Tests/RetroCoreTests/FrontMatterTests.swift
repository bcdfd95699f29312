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

  @Test("malformed TOML names the line and column")
  func malformedTOML() {
    let error = #expect(throws: InputError.self) {
      try FrontMatterSplitter.split("+++\ntitle = \"x\"\ndate = tomorrow\n+++\n", path: "t.md")
    }
    #expect(error?.line == 3)
  }
}
