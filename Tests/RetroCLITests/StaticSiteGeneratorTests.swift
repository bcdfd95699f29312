import Foundation
import Testing

/// Posts from `retro publish` built by the real generators. `make test` installs Hugo and
/// Jekyll (Debian packages); where one is missing its test is skipped, never passed empty.
@Suite("Real static-site generators build retro's posts")
struct StaticSiteGeneratorTests {
  static func which(_ tool: String) -> Bool {
    ["/usr/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + tool) }
  }

  static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  static func site() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-ssg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  static func write(_ text: String, _ path: String, in root: URL) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  @Test("Jekyll builds the published examples", .enabled(if: which("jekyll")))
  func jekyll() throws {
    let site = try Self.site()
    defer { try? FileManager.default.removeItem(at: site) }
    try Self.write("title: Incidents\nmarkdown: kramdown\n", "_config.yml", in: site)
    try Self.write("<html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>\n", "_layouts/post.html", in: site)
    let publish = try RetroBinary.run(["publish", "examples", "--to", "jekyll", "--out", site.path])
    #expect(publish.status == 0, "\(publish.stderr)")
    let (status, output) = try Self.run("jekyll", ["build", "--quiet", "-s", site.path, "-d", site.appendingPathComponent("_site").path], in: site)
    #expect(status == 0, "\(output)")
    let page = site.appendingPathComponent("_site/incidents/2021/06/08/checkout-latency.html")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("<h1>Checkout latency spike</h1>"))
    #expect(html.contains("Checkout SLO burn-rate alert fires"))
  }

  @Test("Hugo builds the published examples", .enabled(if: which("hugo")))
  func hugo() throws {
    let site = try Self.site()
    defer { try? FileManager.default.removeItem(at: site) }
    try Self.write("baseURL = 'https://example.org/'\ntitle = 'Incidents'\n[markup.goldmark.renderer]\nunsafe = false\n", "config.toml", in: site)
    try Self.write("<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n", "layouts/_default/single.html", in: site)
    try Self.write("<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n", "layouts/_default/list.html", in: site)
    let publish = try RetroBinary.run(["publish", "examples", "--to", "hugo", "--out", site.path])
    #expect(publish.status == 0, "\(publish.stderr)")
    let (status, output) = try Self.run("hugo", ["--quiet", "-s", site.path], in: site)
    #expect(status == 0, "\(output)")
    let html = try String(contentsOf: site.appendingPathComponent("public/posts/2021-06-08-checkout-latency/index.html"), encoding: .utf8)
    #expect(html.contains("<h1>Checkout latency spike</h1>"))
    #expect(html.contains("Checkout SLO burn-rate alert fires"))
  }

  /// What a post page built with retro's layouts must show: the timeline drawn with its
  /// four milestones and the durations, then the report.
  static func checkTimelinePage(_ html: String) {
    #expect(html.contains("<figure class=\"retro-timeline\">"), "\(html.prefix(2000))")
    for milestone in ["start", "detected", "mitigated", "resolved"] {
      #expect(html.contains("<li class=\"retro-\(milestone)\"><time>"), "\(milestone)")
    }
    #expect(html.contains("<strong>detected</strong>"))
    #expect(html.contains("Time to detect 9m. To mitigate 39m. To resolve 54m."))
    #expect(html.contains("Checkout SLO burn-rate alert fires"))
    #expect(html.contains("<h1>Checkout latency spike</h1>"))
  }

  @Test("--layouts: a bare Hugo site renders the posts with their timeline, and the site's own layout is kept", .enabled(if: which("hugo")))
  func hugoLayouts() throws {
    let site = try Self.site()
    defer { try? FileManager.default.removeItem(at: site) }
    try Self.write("baseURL = 'https://example.org/'\ntitle = 'Incidents'\n", "config.toml", in: site)
    try Self.write("<html><body>my own list {{ .Title }}</body></html>\n", "layouts/_default/list.html", in: site)
    let publish = try RetroBinary.run(["publish", "examples", RetroBinary.fixtures.appendingPathComponent("hostile-post/hostile.md").path, "--to", "hugo", "--out", site.path, "--layouts"])
    #expect(publish.status == 0, "\(publish.stderr)")
    #expect(publish.stderr.contains("layouts/_default/list.html: kept the site's own file"), "\(publish.stderr)")
    let (status, output) = try Self.run("hugo", ["--quiet", "-s", site.path], in: site)
    #expect(status == 0, "\(output)")
    Self.checkTimelinePage(try String(contentsOf: site.appendingPathComponent("public/posts/2021-06-08-checkout-latency/index.html"), encoding: .utf8))
    let index = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
    #expect(index.contains("<a href=\"/posts/2021-06-08-checkout-latency/\">Checkout latency spike</a>"), "\(index)")
    #expect(index.contains("<span class=\"retro-severity\">SEV1</span>"))
    #expect(try String(contentsOf: site.appendingPathComponent("layouts/_default/list.html"), encoding: .utf8).contains("my own list"))
    // The hostile report's timeline is text in the drawn timeline too.
    let hostile = try String(contentsOf: site.appendingPathComponent("public/posts/index/index.html"), encoding: .utf8)
    #expect(hostile.contains("<figure class=\"retro-timeline\">"))
    #expect(!hostile.contains("<script"))
    #expect(!hostile.contains("gist.github.com"))
    // The shortcode draws it inside a post's text.
    try Self.write("---\ntitle: Notes\nparams:\n  incident:\n    timeline:\n    - {time: \"09:00\", offset: \"+0m\", position: 0, kind: start, text: Begin}\n---\nBefore.\n\n{{< retro-timeline >}}\n", "content/posts/notes/index.md", in: site)
    let (again, log) = try Self.run("hugo", ["--quiet", "-s", site.path], in: site)
    #expect(again == 0, "\(log)")
    let notes = try String(contentsOf: site.appendingPathComponent("public/posts/notes/index.html"), encoding: .utf8)
    #expect(notes.components(separatedBy: "<figure class=\"retro-timeline\">").count == 3, "the layout's and the shortcode's")
  }

  @Test("--layouts: an empty Jekyll folder renders the posts with their timeline and an index", .enabled(if: which("jekyll")))
  func jekyllLayouts() throws {
    let site = try Self.site()
    defer { try? FileManager.default.removeItem(at: site) }
    try Self.write("title: Incidents\nmarkdown: kramdown\n", "_config.yml", in: site)
    let publish = try RetroBinary.run(["publish", "examples", RetroBinary.fixtures.appendingPathComponent("hostile-post/hostile.md").path, "--to", "jekyll", "--out", site.path, "--layouts"])
    #expect(publish.status == 0, "\(publish.stderr)")
    let (status, output) = try Self.run("jekyll", ["build", "--quiet", "-s", site.path, "-d", site.appendingPathComponent("_site").path], in: site)
    #expect(status == 0, "\(output)")
    Self.checkTimelinePage(try String(contentsOf: site.appendingPathComponent("_site/incidents/2021/06/08/checkout-latency.html"), encoding: .utf8))
    let index = try String(contentsOf: site.appendingPathComponent("_site/index.html"), encoding: .utf8)
    #expect(index.contains("<a href=\"/incidents/2021/06/08/checkout-latency.html\">Checkout latency spike</a>"), "\(index)")
    let hostile = try String(contentsOf: site.appendingPathComponent("_site/incidents/2024/05/01/index.html"), encoding: .utf8)
    #expect(hostile.contains("<figure class=\"retro-timeline\">"))
    #expect(!hostile.contains("<script"))
    #expect(!hostile.contains(">49<"), "Liquid in the timeline's text is not run")
    // A second run changes nothing of the layouts.
    let again = try RetroBinary.run(["publish", "examples", "--to", "jekyll", "--out", site.path, "--layouts"])
    #expect(again.status == 0 && !again.stdout.contains("_layouts/"), "\(again.stdout)")
  }
}
