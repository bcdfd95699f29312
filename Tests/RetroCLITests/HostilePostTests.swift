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
    #expect(!html.lowercased().contains("href=\"javascript:"), "a javascript: link reached the page")
    #expect(!html.lowercased().contains("href=\"data:"), "a data: link reached the page")
    #expect(!html.contains("onerror=\""), "an event handler reached the page")
    #expect(!html.contains("onclick=\""), "an event handler reached the page")
    #expect(!html.contains("gist.github.com"), "a shortcode ran")
    #expect(html.contains("href=\"https://example.org/ok\""))
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
    let page = site.appendingPathComponent("_site/incidents/2024/05/01/hostile-report.html")
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
    try StaticSiteGeneratorTests.write("<html><body>THE BLOG HOME</body></html>\n", "layouts/index.html", in: site)
    let publish = try RetroBinary.run(["publish", Self.fixture, "--to", "hugo", "--out", site.path])
    #expect(publish.status == 0, "\(publish.stderr)")
    let (status, output) = try StaticSiteGeneratorTests.run("hugo", ["--quiet", "-s", site.path], in: site)
    #expect(status == 0, "\(output)")
    let home = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
    #expect(home.contains("THE BLOG HOME"))
    #expect(!home.contains("http-equiv=\"refresh\""), "an alias replaced the home page")
    Self.check(try String(contentsOf: site.appendingPathComponent("public/posts/hostile-report/index.html"), encoding: .utf8))
  }
}
