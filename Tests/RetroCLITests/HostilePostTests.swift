import Foundation
import Testing

/// A report full of template syntax, raw HTML and site-hijacking front matter, published and
/// built by the real Jekyll and Hugo: the page shows the report's text, nothing in it is
/// evaluated, no script or `javascript:` link reaches the page, and the home page is the blog's.
@Suite("Hostile reports build to their own text")
struct HostilePostTests {
  static let fixture = "Tests/RetroCLITests/Fixtures/hostile-post"

  /// Text the built page must show literally (HTML-escaped as the generator writes it).
  static let literal = [
    "{{ 7 | plus: 42 }}", "{% for p in site.posts %}[{{ p.title }}]{% endfor %}", "{% endraw %}",
    "{% raw %}", "{%- endraw -%}", "{{&lt; gist attacker 12345 &gt;}}", "{{% unknownshortcode %}}",
    "/* already */", ">{{ 7 | plus: 42 }}</code>", ">{% endraw %}</code>",
    ">{{&lt; gist attacker 1 &gt;}}</code>", "fence {{ 7 | plus: 42 }} {% endraw %} {{&lt; gist attacker 2 &gt;}} {{% x %}}",
    "unclosed {{&lt; opener",
  ]

  static func check(_ html: String) {
    for text in literal { #expect(html.contains(text), "missing literally: \(text)") }
    #expect(!html.contains("49"), "Liquid was evaluated")
    #expect(!html.contains("<script"), "a script reached the page")
    for link in links(in: html) {
      #expect(!["javascript:", "vbscript:", "data:"].contains(where: link.hasPrefix), "a \(link) link reached the page")
    }
    #expect(matches(#"<[A-Za-z][^>]*\son[a-z]+\s*="#, in: html).isEmpty, "an event handler reached the page")
    #expect(!html.contains("gist.github.com"), "a shortcode ran")
    #expect(html.contains("href=\"https://example.org/ok\""))
  }

  /// Every `href` and `src` as the browser follows it: character references decoded, tabs,
  /// newlines and spaces gone (browsers drop them from a URL), lowercased.
  static func links(in html: String) -> [String] {
    matches(#"(?i)(?:href|src)\s*=\s*"([^"]*)""#, in: html).map { value in
      var text = value
      let named = ["colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "period": ".", "lpar": "(", "rpar": ")", "amp": "&"]
      for _ in 0..<4 {
        for (name, character) in named { text = text.replacingOccurrences(of: "&\(name);", with: character, options: .caseInsensitive) }
        for match in matches(#"&#([xX]?[0-9A-Fa-f]+);?"#, in: text) {
          let hex = match.hasPrefix("x") || match.hasPrefix("X")
          let scalar = UInt32(hex ? String(match.dropFirst()) : match, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init)
          text = text.replacingOccurrences(of: "&#\(match);", with: scalar.map(String.init) ?? "")
          text = text.replacingOccurrences(of: "&#\(match)", with: scalar.map(String.init) ?? "")
        }
      }
      return String(text.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(Character.init)).lowercased()
    }
  }

  /// The first capture group (or the whole match) of every match of `pattern`.
  static func matches(_ pattern: String, in text: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
      Range(match.numberOfRanges > 1 ? match.range(at: 1) : match.range, in: text).map { String(text[$0]) }
    }
  }

  /// The post's front matter holds no HTML a theme or Hugo's Markdown summary would run.
  static func checkFrontMatter(_ post: URL) throws {
    let text = try String(contentsOf: post, encoding: .utf8)
    let frontMatter = text.components(separatedBy: "\n---\n").first ?? text
    #expect(!frontMatter.contains("<script"), "raw HTML in the front matter: \(frontMatter)")
    #expect(!frontMatter.lowercased().contains("javascript:alert"), "a live link in the front matter: \(frontMatter)")
  }

  @Test("the excerpt separator is kept only on a line of its own, as retro places it (a fuzz finding)")
  func separatorWithText() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-separator-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let report = "---\ntitle: Separator\ndate: 2024-02-01\nstatus: final\n---\n## Summary\n\nShort.\n\n## Impact\n\n<!--more-->text after it\n"
    try Data(report.utf8).write(to: directory.appendingPathComponent("r.md"))
    for format in ["jekyll", "hugo"] {
      let run = try RetroBinary.run(["publish", "r.md", "--to", format, "--out", format], in: directory)
      #expect(run.status == 0, "\(run.stderr)")
      let posts = FileManager.default.enumerator(atPath: directory.appendingPathComponent(format).path)?
        .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
      for post in posts {
        let text = try String(contentsOf: directory.appendingPathComponent(format).appendingPathComponent(post), encoding: .utf8)
        #expect(text.contains("&lt;!--more-->text after it"), "\(format): \(text)")
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("<!--more-->") && $0 != "<!--more-->" }, "\(format): \(text)")
      }
      #expect(!posts.isEmpty)
    }
  }

  @Test("Jekyll: Liquid, raw HTML and permalink from the report stay inert", .enabled(if: StaticSiteGeneratorTests.which("jekyll")))
  func jekyll() throws {
    let site = try StaticSiteGeneratorTests.site()
    defer { try? FileManager.default.removeItem(at: site) }
    try StaticSiteGeneratorTests.write("title: Incidents\nmarkdown: kramdown\n", "_config.yml", in: site)
    try StaticSiteGeneratorTests.write("<html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>\n", "_layouts/post.html", in: site)
    try StaticSiteGeneratorTests.write("---\n---\nTHE BLOG HOME\n", "index.html", in: site)
    let publish = try RetroBinary.run(["publish", Self.fixture, "--to", "jekyll", "--out", site.path])
    #expect(publish.status == 0, "\(publish.stderr)")
    let (status, output) = try StaticSiteGeneratorTests.run("jekyll", ["build", "--quiet", "-s", site.path, "-d", site.appendingPathComponent("_site").path], in: site)
    #expect(status == 0, "\(output)")
    let home = try String(contentsOf: site.appendingPathComponent("_site/index.html"), encoding: .utf8)
    #expect(home.contains("THE BLOG HOME"))
    try Self.checkFrontMatter(site.appendingPathComponent("_posts/2024-05-01-index.md"))
    let page = site.appendingPathComponent("_site/incidents/2024/05/01/index.html")
    Self.check(try String(contentsOf: page, encoding: .utf8))
  }

  @Test("Hugo: shortcodes, raw HTML and aliases from the report stay inert", .enabled(if: StaticSiteGeneratorTests.which("hugo")))
  func hugo() throws {
    let site = try StaticSiteGeneratorTests.site()
    defer { try? FileManager.default.removeItem(at: site) }
    // unsafe = true: the post must be safe even where the site lets raw HTML through.
    try StaticSiteGeneratorTests.write("baseURL = 'https://example.org/'\ntitle = 'Incidents'\n[markup.goldmark.renderer]\nunsafe = true\n", "config.toml", in: site)
    try StaticSiteGeneratorTests.write("<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n", "layouts/_default/single.html", in: site)
    try StaticSiteGeneratorTests.write("<html><body>THE BLOG HOME{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n", "layouts/_default/list.html", in: site)
    // The home page shows the site's menu: a report's `menu:` must not add to it.
    try StaticSiteGeneratorTests.write("<html><body><nav>{{ range .Site.Menus.main }}<a href=\"{{ .URL }}\">{{ .Name }}</a>{{ end }}</nav>THE BLOG HOME</body></html>\n", "layouts/index.html", in: site)
    let publish = try RetroBinary.run(["publish", Self.fixture, "--to", "hugo", "--out", site.path])
    #expect(publish.status == 0, "\(publish.stderr)")
    let (status, output) = try StaticSiteGeneratorTests.run("hugo", ["--quiet", "-s", site.path], in: site)
    #expect(status == 0, "\(output)")
    let home = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
    #expect(home.contains("THE BLOG HOME"))
    #expect(!home.contains("http-equiv=\"refresh\""), "an alias replaced the home page")
    #expect(!home.contains("Sign in"), "the report put a link into the site's menu")
    try Self.checkFrontMatter(site.appendingPathComponent("content/posts/index/index.md"))
    Self.check(try String(contentsOf: site.appendingPathComponent("public/posts/index/index.html"), encoding: .utf8))
  }
}
