import Foundation
import Testing

/// Site templates are a contributor's code, reviewed like code, but a mistake in them must be
/// an error naming the place, never a crash: partials that include themselves or each other,
/// and sections nested past any real template's depth.
@Suite("Template recursion and depth, end to end")
struct TemplateRecursionTests {
  /// A folder with `templates/` holding `files` and `retros/` holding one report.
  static func folder(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-templates-\(UUID().uuidString)")
    for (name, text) in files {
      let url = directory.appendingPathComponent("templates/\(name)")
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    try Data("---\ntitle: Outage\ndate: 2024-03-01\nstatus: final\n---\n## Summary\n\nx\n".utf8)
      .write(to: directory.appendingPathComponent("retros/a.md"))
    return directory
  }

  static let deep = String(repeating: "{{#a}}", count: 5000) + String(repeating: "{{/a}}", count: 5000) + "\n"

  static let cases: [(String, [String: String], String)] = [
    ("a template that includes itself", ["site/incident.mustache": "<main>\n  {{> site/incident}}\n</main>\n"],
     "templates/site/incident.mustache:2:3: error: template includes itself (site/incident → site/incident)"),
    ("two templates that include each other",
     ["site/incident.mustache": "{{#sections}}{{> site/part}}{{/sections}}\n", "site/part.mustache": "x\n{{> site/incident}}\n"],
     "templates/site/incident.mustache:1:14: error: templates include each other (site/incident → site/part → site/incident)"),
    ("a template that inherits from itself",
     ["site/incident.mustache": "{{> page}}\n", "page.mustache": "<div>\n{{<page}}{{/page}}\n</div>\n"],
     "templates/page.mustache:2:1: error: template includes itself (page → page)"),
    ("a chain of partials nesting past the bound",
     Dictionary(uniqueKeysWithValues: (0..<100).map { ("p\($0).mustache", "{{#title}}{{> p\($0 + 1)}}{{/title}}\n") })
       .merging(["site/incident.mustache": "{{> p0}}\n"]) { a, _ in a },
     "templates/p0.mustache:1:11: error: template nests sections deeper than 64 levels, counting the partials it includes"),
    ("5,000 nested sections", ["site/incident.mustache": deep],
     "templates/site/incident.mustache:1:385: error: template nests sections deeper than 64 levels"),
    ("a dynamic partial, whose name comes from report text", ["site/incident.mustache": "{{>*title}}\n"],
     "templates/site/incident.mustache:1:1: error: template uses a dynamic partial ('*title'); name partials in the template"),
  ]

  @Test("a template cycle or depth past the bound is an error with file, line and column, not a crash", arguments: cases.indices)
  func refused(_ index: Int) throws {
    let (label, files, message) = Self.cases[index]
    let directory = try Self.folder(files)
    defer { try? FileManager.default.removeItem(at: directory) }
    let check = try RetroBinary.run(["templates", "check", "templates", "--reports", "retros"], in: directory)
    #expect(check.status == 1, "\(label): templates check exited \(check.status)")
    #expect(check.stderr.contains(message), "\(label): \(check.stderr)")
    let site = try RetroBinary.run(["site", "retros", "--out", "out", "--templates", "templates", "--index", "i.sqlite"], in: directory)
    #expect(site.status == 2, "\(label): site exited \(site.status)")
    #expect(site.stderr.contains(message), "\(label): \(site.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path), "\(label): site wrote pages")
  }

  @Test("partials that share a template without a cycle, and nesting within the bound, render")
  func accepted() throws {
    let nested = String(repeating: "{{#title}}", count: 60) + "[{{title}}]" + String(repeating: "{{/title}}", count: 60) + "\n"
    let directory = try Self.folder([
      "site/incident.mustache": "{{> site/shared}}{{> site/other}}\n{{> site/nested}}\n",
      "site/other.mustache": "{{> site/shared}}\n", "site/shared.mustache": "<p>{{title}}</p>\n", "site/nested.mustache": nested,
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let site = try RetroBinary.run(["site", "retros", "--out", "out", "--templates", "templates", "--index", "i.sqlite"], in: directory)
    #expect(site.status == 0, "\(site.stderr)")
    let page = try String(contentsOf: directory.appendingPathComponent("out/incidents/2024-03-01-a.html"), encoding: .utf8)
    #expect(page.contains("<p>Outage</p>\n<p>Outage</p>"), "\(page)")
    #expect(page.contains("[Outage]"))
  }
}
