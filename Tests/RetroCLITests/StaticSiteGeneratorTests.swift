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
}
