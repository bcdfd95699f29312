import Foundation
import RetroCore
import RetroIndex
import Testing
@testable import RetroPublish

@Suite("Publishing posts")
struct PublishTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let report = fixtures.appendingPathComponent("2024-02-01-cache-stampede.md").path

  static func temporary() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("retro-publish-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func publisher(_ format: PostFormat, out: URL, internalSections: [String] = ["Internal notes"]) throws -> PostPublisher {
    let renderer = PostRenderer(format: format, templates: try PublishTemplates(), internalSections: internalSections)
    return PostPublisher(renderer: renderer, parser: IncidentParser(), outputDirectory: out.path)
  }

  static func golden(_ text: String, _ name: String) throws {
    let file = fixtures.appendingPathComponent("golden/\(name)")
    let normalised = text.replacingOccurrences(of: fixtures.path + "/", with: "FIXTURES/")
    if ProcessInfo.processInfo.environment["RETRO_UPDATE_GOLDEN"] != nil {
      try normalised.write(to: file, atomically: true, encoding: .utf8)
    }
    #expect(normalised == (try String(contentsOf: file, encoding: .utf8)))
  }

  @Test("Jekyll and Hugo posts match their golden files", arguments: PostFormat.allCases)
  func goldenPosts(_ format: PostFormat) throws {
    let out = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    let summary = try Self.publisher(format, out: out).publish([Self.report])
    let path = try #require(summary.written.first)
    #expect(path.hasSuffix(format == .jekyll ? "_posts/2024-02-05-cache-stampede.md" : "content/posts/2024-02-01-cache-stampede/index.md"))
    try Self.golden(try String(contentsOfFile: path, encoding: .utf8), "post.\(format.rawValue).md")
  }

  @Test("the author's front matter survives, the intro stays, internal sections go, the excerpt follows the summary")
  func preservation() throws {
    let out = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    let path = try #require(try Self.publisher(.jekyll, out: out).publish([Self.report]).written.first)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let post = try FrontMatterSplitter.split(text, path: path)
    let keys = try #require(post.frontMatter?.values.keys)
    #expect(Array(keys.prefix(4)) == ["layout", "title", "colors", "date"])
    #expect(post.frontMatter?.values["colors"] == .string("blueish"))
    #expect(post.frontMatter?.values["date"] == .string("2024-02-05 09:30:00 +0000"))
    #expect(text.contains("A short note before the report"))
    #expect(!text.contains("Pager rotation"))
    #expect(!text.contains("# Incident retrospective"))
    let summary = try #require(text.range(of: "## Summary"))
    let impact = try #require(text.range(of: "## Impact"))
    let more = try #require(text.range(of: "<!--more-->", range: summary.upperBound..<text.endIndex))
    #expect(summary.upperBound < more.lowerBound && more.upperBound < impact.lowerBound)
    let resolution = try #require(text.range(of: "## Resolution"))
    #expect(impact.upperBound < resolution.lowerBound, "canonical order: resolution after impact")
  }

  @Test("parsing the published post gives back the title, date, sections, timeline and items", arguments: PostFormat.allCases)
  func roundTrip(_ format: PostFormat) throws {
    let out = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    let path = try #require(try Self.publisher(format, out: out, internalSections: []).publish([Self.report]).written.first)
    let before = try IncidentParser().parse(path: Self.report)
    let after = try IncidentParser().parse(path: path)
    #expect(after.title == before.title)
    #expect(after.date == before.date)
    #expect(Set(after.sections.map { "\($0.kind):\($0.heading)" }) == Set(before.sections.map { "\($0.kind):\($0.heading)" }))
    #expect(after.timeline.map(\.instant) == before.timeline.map(\.instant))
    #expect(after.timeline.map(\.text) == before.timeline.map(\.text))
    #expect(after.actionItems.map(\.id) == before.actionItems.map(\.id))
    #expect(after.actionItems.map(\.status) == before.actionItems.map(\.status))
  }

  @Test("drafts are skipped unless asked for")
  func draftGate() throws {
    let out = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    let draft = out.appendingPathComponent("draft.md")
    try Data("---\ntitle: Half done\nstatus: draft\ndate: 2024-01-01\n---\n## Summary\n\nx\n".utf8).write(to: draft)
    var publisher = try Self.publisher(.jekyll, out: out.appendingPathComponent("site"))
    #expect(try publisher.publish([draft.path]).skippedDrafts == [draft.path])
    publisher.includeDrafts = true
    #expect(try publisher.publish([draft.path]).written.count == 1)
  }

  @Test("retro's own files are replaced; anyone else's only with --force")
  func overwrite() throws {
    let out = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    var publisher = try Self.publisher(.jekyll, out: out)
    let path = try #require(try publisher.publish([Self.report]).written.first)
    #expect(try publisher.publish([Self.report]).written == [path])
    try Data("my own post\n".utf8).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: PublishError.self) { try publisher.publish([Self.report]) }
    #expect(error?.step == "write")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "my own post\n")
    publisher.force = true
    #expect(try publisher.publish([Self.report]).written == [path])
  }

  @Test("a hostile slug or title cannot write outside the output folder")
  func slugSafety() throws {
    let out = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    let evil = out.appendingPathComponent("evil.md")
    try Data("---\ntitle: ../../../etc/passwd\nslug: ../../../etc/passwd\nstatus: final\ndate: 2024-01-01\n---\n## Summary\n\nx\n".utf8).write(to: evil)
    let path = try #require(try Self.publisher(.hugo, out: out.appendingPathComponent("site")).publish([evil.path]).written.first)
    #expect(path.hasPrefix(out.appendingPathComponent("site").path + "/content/posts/etc-passwd/"))
    #expect(throws: InputError.self) { try OutputPath.resolve("../outside.md", in: out.path) }
  }

  @Test("a template with a syntax error names its file, line and column")
  func templateErrors() throws {
    let folder = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
    try Data("<h1>{{title}}</h1>\n<ul>\n{{#sections}}\n<li>{{heading}}</li>\n".utf8).write(to: folder.appendingPathComponent("site/incident.mustache"))
    let error = #expect(throws: TemplateError.self) { try PublishTemplates(userDirectory: folder.path) }
    #expect(error?.file.hasSuffix("site/incident.mustache") == true)
    #expect(error?.line != nil && error?.column != nil)
    #expect(error?.message.contains("never closed") == true)
    #expect(throws: TemplateError.self) { try PublishTemplates().render("nope", [:]) }
  }

  @Test("a user template overrides the built-in one of the same name")
  func override() throws {
    let folder = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("{{{frontMatter}}}\nCUSTOM {{title}}\n".utf8).write(to: folder.appendingPathComponent("jekyll-post.mustache"))
    let renderer = PostRenderer(format: .jekyll, templates: try PublishTemplates(userDirectory: folder.path))
    let parsed = try IncidentParser().parseDocument(try SourceFile.load(path: Self.report))
    let post = try renderer.render(parsed, sourceText: try SourceFile.load(path: Self.report).text)
    #expect(post.text.contains("CUSTOM Cache stampede on the product API"))
  }

  @Test("a post dated by day alone starts when the incident did, in the timeline's zone; summaries and slugs end at a word")
  func startTimeAndCuts() throws {
    let long = String(repeating: "The cache stampede took the product API down for everyone. ", count: 8)
    let text = """
      ---
      title: Internal DNS resolution failures after the resolver configuration push to every office
      date: 2024-03-05
      status: final
      ---
      # DNS

      ## Summary

      \(long)

      ## Timeline

      - 09:05 CET alert fired
      - 09:40 CET resolved

      """
    let parsed = try IncidentParser().parseDocument(SourceFile(path: "2024-03-05-dns.md", text: text))
    let jekyll = try PostRenderer(format: .jekyll, templates: try PublishTemplates()).render(parsed, sourceText: text)
    #expect(jekyll.text.contains("date: 2024-03-05 09:05:00 +0100"), "\(jekyll.text.prefix(400))")
    let hugo = try PostRenderer(format: .hugo, templates: try PublishTemplates()).render(parsed, sourceText: text)
    #expect(hugo.text.contains("2024-03-05T09:05:00+01:00"))
    let summary = try #require(hugo.text.split(separator: "\n").first { $0.hasPrefix("summary:") })
    // Cut at a word's end: what stands before the ellipsis is the text up to a space.
    let cut = PostRenderer.cutAtWord(long.trimmingCharacters(in: .whitespaces), 300)
    #expect(cut.count <= 300 && cut.hasSuffix("…"))
    let kept = cut.dropLast()
    #expect(long.hasPrefix(kept) && long.dropFirst(kept.count).first == " ", "\(cut)")
    #expect(summary.contains(String(kept.suffix(40))), "the post's summary is that cut: \(summary)")
    let slug = ReportTemplate.slug("Internal DNS resolution failures after the resolver configuration push to every office")
    #expect(slug == "internal-dns-resolution-failures-after-the-resolver", "\(slug)")
  }
}
