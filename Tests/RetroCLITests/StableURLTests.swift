import Foundation
import Testing

/// A report's page keeps its name when its title changes; a page that moved redirects from
/// where it was, and a page no report makes any more goes, on the site and in posts.
@Suite("Stable page names and earlier pages, end to end")
struct StableURLTests {
  static func folder() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-stable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    return directory
  }

  static func write(_ name: String, title: String, status: String = "final", slug: String? = nil, in directory: URL) throws {
    let slugLine = slug.map { "slug: \($0)\n" } ?? ""
    let text = "---\ntitle: \(title)\ndate: \(name.prefix(10))\nstatus: \(status)\n\(slugLine)---\n## Summary\n\nThe \(title) story.\n"
    try Data(text.utf8).write(to: directory.appendingPathComponent("retros/\(name).md"))
  }

  static func exists(_ relative: String, in directory: URL) -> Bool {
    FileManager.default.fileExists(atPath: directory.appendingPathComponent(relative).path)
  }

  @Test("site: a new title keeps the page; a new slug redirects from the old page; a report gone takes its page along")
  func site() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.write("2024-03-01-db", title: "Database outage", in: directory)
    try Self.write("2024-03-01-cdn", title: "CDN outage", in: directory)
    let arguments = ["site", "retros", "--out", "site", "--index", "i.sqlite"]
    var run = try RetroBinary.run(arguments, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Self.exists("site/incidents/2024-03-01-db.html", in: directory))
    // The title changes: the page keeps its name and shows the new title.
    try Self.write("2024-03-01-db", title: "Primary database failover", in: directory)
    run = try RetroBinary.run(arguments, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let page = try String(contentsOf: directory.appendingPathComponent("site/incidents/2024-03-01-db.html"), encoding: .utf8)
    #expect(page.contains("Primary database failover"))
    #expect(!run.stderr.contains("redirect") && !run.stderr.contains("removed"), "\(run.stderr)")
    // A slug is given: the old page redirects to the new one.
    try Self.write("2024-03-01-db", title: "Primary database failover", slug: "db-failover", in: directory)
    run = try RetroBinary.run(arguments, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("1 earlier page redirects"), "\(run.stderr)")
    let redirect = try String(contentsOf: directory.appendingPathComponent("site/incidents/2024-03-01-db.html"), encoding: .utf8)
    #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=db-failover.html\">"))
    #expect(!redirect.contains("The Primary database failover story."), "the old page's content is gone")
    #expect(Self.exists("site/incidents/db-failover.html", in: directory))
    // A report deleted, another back in draft: their pages go.
    try FileManager.default.removeItem(at: directory.appendingPathComponent("retros/2024-03-01-cdn.md"))
    try Self.write("2024-03-01-db", title: "Primary database failover", status: "draft", slug: "db-failover", in: directory)
    try Self.write("2024-03-01-api", title: "API outage", in: directory)
    run = try RetroBinary.run(arguments, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!Self.exists("site/incidents/2024-03-01-cdn.html", in: directory))
    #expect(!Self.exists("site/incidents/db-failover.html", in: directory), "a draft's page leaves the site")
    #expect(!Self.exists("site/incidents/2024-03-01-db.html", in: directory))
    #expect(run.stderr.contains("removed 3 earlier pages"), "\(run.stderr)")
  }

  @Test("site: a page another tool wrote is never removed")
  func foreignPagesStay() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.write("2024-03-01-db", title: "Database outage", in: directory)
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("site/incidents"), withIntermediateDirectories: true)
    try Data("<p>mine</p>\n".utf8).write(to: directory.appendingPathComponent("site/incidents/handwritten.html"))
    let run = try RetroBinary.run(["site", "retros", "--out", "site", "--index", "i.sqlite"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try String(contentsOf: directory.appendingPathComponent("site/incidents/handwritten.html"), encoding: .utf8) == "<p>mine</p>\n")
  }

  @Test("publish: a moved post redirects from its old URL, and a post of a report now in draft goes", arguments: ["jekyll", "hugo"])
  func posts(_ format: String) throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.write("2024-03-01-db", title: "Database outage", in: directory)
    try Self.write("2024-03-01-cdn", title: "CDN outage", in: directory)
    let arguments = ["publish", "retros", "--to", format, "--out", "blog"]
    var run = try RetroBinary.run(arguments, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let old = format == "jekyll" ? "blog/_posts/2024-03-01-db.md" : "blog/content/posts/2024-03-01-db/index.md"
    #expect(Self.exists(old, in: directory))
    try Self.write("2024-03-01-db", title: "Database outage", slug: "db-failover", in: directory)
    try Self.write("2024-03-01-cdn", title: "CDN outage", status: "in review", in: directory)
    run = try RetroBinary.run(arguments, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let new = format == "jekyll" ? "blog/_posts/2024-03-01-db-failover.md" : "blog/content/posts/db-failover/index.md"
    let post = try String(contentsOf: directory.appendingPathComponent(new), encoding: .utf8)
    if format == "jekyll" {
      #expect(post.contains("redirect_from:\n  - \"/incidents/2024/03/01/db.html\"\n---"), "\(post)")
    } else {
      #expect(post.contains("aliases:\n  - \"/posts/2024-03-01-db/\"\n---"), "\(post)")
    }
    #expect(!Self.exists(old, in: directory))
    #expect(!Self.exists(format == "jekyll" ? "blog/_posts/2024-03-01-cdn.md" : "blog/content/posts/2024-03-01-cdn", in: directory))
    #expect(run.stderr.contains("moved to"), "\(run.stderr)")
    #expect(run.stderr.contains("removed 1 earlier post"), "\(run.stderr)")
    // Publishing one other report leaves the rest alone.
    try Self.write("2024-03-02-api", title: "API outage", in: directory)
    run = try RetroBinary.run(["publish", "retros/2024-03-02-api.md", "--to", format, "--out", "blog"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Self.exists(new, in: directory))
  }
}
