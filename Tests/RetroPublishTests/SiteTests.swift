import Foundation
import RetroCore
import RetroIndex
import Testing
@testable import RetroPublish

@Suite("The static site")
struct SiteTests {
  static func build(_ paths: [String], rows: [ActionItemRow] = []) throws -> URL {
    let out = try PublishTests.temporary()
    var builder = SiteBuilder(templates: try PublishTemplates(), parser: IncidentParser(), outputDirectory: out.path, asOf: CalendarDate(iso: "2024-03-01")!)
    builder.actionRows = rows
    builder.internalSections = ["Internal notes"]
    _ = try builder.build(paths)
    return out
  }

  static func read(_ out: URL, _ relative: String) throws -> String {
    try String(contentsOf: out.appendingPathComponent(relative), encoding: .utf8)
  }

  @Test("index, incident page, tag and service pages, dashboard, feed and stylesheet")
  func pages() throws {
    let out = try Self.build([PublishTests.report])
    defer { try? FileManager.default.removeItem(at: out) }
    let index = try Self.read(out, "index.html")
    #expect(index.contains("<a href=\"incidents/2024-02-01-cache-stampede.html\">Cache stampede on the product API</a>"))
    #expect(index.contains("class=\"badge sev2\""))
    let page = try Self.read(out, "incidents/2024-02-01-cache-stampede.html")
    #expect(page.contains("<svg"))
    #expect(page.contains("time to detect 6m"))
    #expect(page.contains("<h2>Timeline</h2>"))
    #expect(!page.contains("Pager rotation"))
    #expect(try Self.read(out, "tags/caching.html").contains("Cache stampede"))
    #expect(try Self.read(out, "services/product-api.html").contains("Cache stampede"))
    #expect(try Self.read(out, "feed.xml").contains("<entry>"))
    #expect(try Self.read(out, "style.css").contains("prefers-color-scheme: dark"))
    #expect(try Self.read(out, "actions.html").contains("<h1>Action items</h1>"))
    #expect(!page.contains("<script"))
  }

  @Test("hostile report text never becomes active content")
  func escaping() throws {
    let hostile = PublishTests.fixtures.appendingPathComponent("hostile.md").path
    let out = try Self.build([hostile])
    defer { try? FileManager.default.removeItem(at: out) }
    let files = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }
    #expect(files.count >= 4)
    for file in files {
      let problems = ActiveContent.find(in: try Self.read(out, file))
      #expect(problems.isEmpty, "\(file): \(problems)")
    }
    let page = try #require(try files.first { $0.hasPrefix("incidents/") }.map { try Self.read(out, $0) })
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.contains("{{#evil}}template syntax{{/evil}}"))
  }

  @Test("the active-content check itself catches what it must")
  func checker() {
    #expect(!ActiveContent.find(in: "<p onclick=\"x()\">").isEmpty)
    #expect(!ActiveContent.find(in: "<a href=\"JavaScript:x()\">").isEmpty)
    #expect(!ActiveContent.find(in: "<script>x()</script>").isEmpty)
    #expect(ActiveContent.find(in: "<p>&lt;script&gt; onerror=x javascript:y</p>").isEmpty)
  }

  @Test("the timeline chart with and without time zones, drawn in the zone it is written in", arguments: [
    ("---\ndate: 2024-01-01\n---\n## Timeline (PST)\n- 10:00 outage starts\n- 10:30 alert fired\n- 11:00 resolved\n", "PST", "10:00"),
    ("---\ndate: 2024-01-01\n---\n## Timeline\n- 10:00 outage starts\n- 10:30 alert fired\n- 11:00 resolved\n", "UTC", "10:00"),
  ])
  func chart(_ text: String, _ zone: String, _ firstTick: String) throws {
    let report = try IncidentParser().parse(text: text, path: "t.md")
    let output = try #require(TimelineChart().render(report, title: "T"))
    #expect(output.svg.hasPrefix("<svg"))
    #expect(output.svg.contains(">\(firstTick)</text>"))
    #expect(output.svg.contains("time to detect 30m"))
    #expect(output.svg.contains("time to resolve 1h00m"))
    #expect(output.caption.hasPrefix("Timeline in \(zone):"))
    #expect(output.svg.contains("<title id=\"chart-title\">"))
  }

  @Test("a timeline with nothing placeable has no chart")
  func noChart() throws {
    let report = try IncidentParser().parse(text: "## Timeline\n- ??:?? something\n", path: "t.md")
    #expect(TimelineChart().render(report, title: "T") == nil)
  }
}
