import Foundation
import Testing

/// Two reports, tags or services whose names make the same file name: each gets its own file,
/// the same one whatever order the reports are given in, and none overwrites another's.
@Suite("Name collisions, end to end")
struct NameCollisionTests {
  static func folder() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-collide-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    return directory
  }

  static func report(_ name: String, title: String, date: String, slug: String? = nil, tags: [String] = [], body: String, in directory: URL) throws {
    let tagList = tags.map { "\"\($0)\"" }.joined(separator: ", ")
    let slugLine = slug.map { "slug: \($0)\n" } ?? ""
    let text = "---\ntitle: \(title)\ndate: \(date)\n\(slugLine)status: final\ntags: [\(tagList)]\n---\n## Summary\n\n\(body)\n"
    try Data(text.utf8).write(to: directory.appendingPathComponent("retros/\(name).md"))
  }

  /// Every file below `folder`, relative, with its text.
  static func files(_ folder: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
      var isDirectory: ObjCBool = false
      let url = folder.appendingPathComponent(path)
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      result[path] = try String(contentsOf: url, encoding: .utf8)
    }
    return result
  }

  /// Three reports with one `slug:` (a page's name no longer comes from the title): two on
  /// one day, one on another; the last sorts first by name.
  static func sameTitles(in directory: URL) throws {
    try report("b-second", title: "Database outage", date: "2024-03-01", slug: "database-outage", body: "Body of the second report.", in: directory)
    try report("c-third", title: "Database outage", date: "2024-04-02", slug: "database-outage", body: "Body of the third report.", in: directory)
    try report("a-first", title: "Database outage", date: "2024-03-01", slug: "database-outage", body: "Body of the first report.", in: directory)
  }

  @Test("reports with the same title become distinct posts, the same whatever the order given", arguments: ["jekyll", "hugo"])
  func samePostName(_ format: String) throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.sameTitles(in: directory)
    let inOrder = try RetroBinary.run(["publish", "retros", "--to", format, "--out", "one"], in: directory)
    #expect(inOrder.status == 0, "\(inOrder.stderr)")
    let reversed = try RetroBinary.run(
      ["publish", "retros/c-third.md", "retros/b-second.md", "retros/a-first.md", "--to", format, "--out", "two"], in: directory)
    #expect(reversed.status == 0, "\(reversed.stderr)")
    let posts = try Self.files(directory.appendingPathComponent("one"))
    #expect(posts.count == 3, "\(posts.keys.sorted())")
    for n in ["first", "second", "third"] {
      #expect(posts.values.filter { $0.contains("Body of the \(n) report.") }.count == 1, "the \(n) report's post is missing")
    }
    #expect(try Self.files(directory.appendingPathComponent("two")).mapValues { $0.count } == posts.mapValues { $0.count })
    // The one that sorts first keeps the plain name; the others are told where theirs went.
    let first = format == "jekyll" ? "_posts/2024-03-01-database-outage.md" : "content/posts/database-outage/index.md"
    #expect(posts[first]?.contains("Body of the first report.") == true, "\(posts.keys.sorted())")
    #expect(inOrder.stderr.contains("warning:"), "\(inOrder.stderr)")
  }

  @Test("a suffixed name never takes the name of another report")
  func suffixTaken() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.report("a", title: "Outage", date: "2024-03-01", slug: "outage", body: "Report A.", in: directory)
    try Self.report("b", title: "Outage", date: "2024-03-02", slug: "outage", body: "Report B.", in: directory)
    try Self.report("c", title: "Outage 2", date: "2024-03-03", slug: "outage-2", body: "Report C.", in: directory)
    let run = try RetroBinary.run(["publish", "retros", "--to", "hugo", "--out", "site"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let posts = try Self.files(directory.appendingPathComponent("site"))
    #expect(posts.count == 3, "\(posts.keys.sorted())")
    #expect(posts["content/posts/outage-2/index.md"]?.contains("Report C.") == true, "\(posts.keys.sorted())")
  }

  @Test("tags that differ by case or punctuation get pages of their own, linked from their incidents")
  func tagPages() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.report("a", title: "Alpha", date: "2024-03-01", tags: ["C++", "Foo"], body: "A.", in: directory)
    try Self.report("b", title: "Beta", date: "2024-03-02", tags: ["C#", "foo"], body: "B.", in: directory)
    try Self.report("c", title: "Gamma", date: "2024-03-03", tags: ["C"], body: "C.", in: directory)
    for (out, paths) in [("one", ["retros"]), ("two", ["retros/c.md", "retros/b.md", "retros/a.md"])] {
      let run = try RetroBinary.run(["site"] + paths + ["--out", out, "--index", "\(out).sqlite"], in: directory)
      #expect(run.status == 0, "\(run.stderr)")
    }
    let site = try Self.files(directory.appendingPathComponent("one"))
    #expect(try Self.files(directory.appendingPathComponent("two")) == site)
    let tagPages = site.filter { $0.key.hasPrefix("tags/") }
    #expect(tagPages.count == 5, "\(tagPages.keys.sorted())")
    for (tag, title) in [("C++", "Alpha"), ("Foo", "Alpha"), ("C#", "Beta"), ("foo", "Beta"), ("C", "Gamma")] {
      let pages = tagPages.filter { $0.value.contains("<h1>Tag: \(tag.replacingOccurrences(of: "#", with: "&#35;"))</h1>") || $0.value.contains("<h1>Tag: \(tag)</h1>") }
      #expect(pages.count == 1, "tag \(tag): \(pages.keys.sorted())")
      guard let (path, page) = pages.first else { continue }
      #expect(page.contains(">\(title)<"), "tag \(tag) page does not list \(title)")
      // The incident's page links to this tag's page, and the index does too.
      let incident = try #require(site.first { $0.key.hasPrefix("incidents/") && $0.value.contains("<h1>\(title)</h1>") })
      #expect(incident.value.contains("href=\"../\(path)\""), "\(title)'s page does not link to \(path)")
      #expect(site["index.html"]?.contains("href=\"\(path)\"") == true, "the index does not link to \(path)")
    }
  }

  @Test("posts whose names collided still build in Jekyll", .enabled(if: StaticSiteGeneratorTests.which("jekyll")))
  func jekyllBuild() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.sameTitles(in: directory)
    let site = directory.appendingPathComponent("blog")
    try StaticSiteGeneratorTests.write("title: Incidents\nmarkdown: kramdown\n", "_config.yml", in: site)
    try StaticSiteGeneratorTests.write("<html><body>{{ content }}</body></html>\n", "_layouts/post.html", in: site)
    let publish = try RetroBinary.run(["publish", "retros", "--to", "jekyll", "--out", site.path], in: directory)
    #expect(publish.status == 0, "\(publish.stderr)")
    let (status, output) = try StaticSiteGeneratorTests.run(
      "jekyll", ["build", "--quiet", "-s", site.path, "-d", site.appendingPathComponent("_site").path], in: site)
    #expect(status == 0, "\(output)")
    let pages = try Self.files(site.appendingPathComponent("_site")).filter { $0.key.hasSuffix(".html") }
    for n in ["first", "second", "third"] {
      #expect(pages.values.filter { $0.contains("Body of the \(n) report.") }.count == 1, "\(n): \(pages.keys.sorted())")
    }
  }

  @Test("posts whose names collided still build in Hugo", .enabled(if: StaticSiteGeneratorTests.which("hugo")))
  func hugoBuild() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.sameTitles(in: directory)
    let site = directory.appendingPathComponent("blog")
    try StaticSiteGeneratorTests.write("baseURL = 'https://example.org/'\ntitle = 'Incidents'\n", "config.toml", in: site)
    try StaticSiteGeneratorTests.write("<html><body>{{ .Content }}</body></html>\n", "layouts/_default/single.html", in: site)
    try StaticSiteGeneratorTests.write("<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n", "layouts/_default/list.html", in: site)
    let publish = try RetroBinary.run(["publish", "retros", "--to", "hugo", "--out", site.path], in: directory)
    #expect(publish.status == 0, "\(publish.stderr)")
    let (status, output) = try StaticSiteGeneratorTests.run("hugo", ["--quiet", "-s", site.path], in: site)
    #expect(status == 0, "\(output)")
    let pages = try Self.files(site.appendingPathComponent("public/posts")).filter { $0.key.hasSuffix("index.html") }
    for n in ["first", "second", "third"] {
      #expect(pages.values.filter { $0.contains("Body of the \(n) report.") }.count == 1, "\(n): \(pages.keys.sorted())")
    }
  }
}
