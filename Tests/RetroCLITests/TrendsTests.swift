import Foundation
import Testing

/// `retro stats` trends and the site's Trends page, end to end on the fixture reports.
@Suite("Trends: retro stats and the Trends page, end to end")
struct TrendsTests {
  @Test("stats shows every month from the first incident, durations and items per month, causes by category; --period and --by change the cut")
  func stats() throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = try IndexCommandTests.run(["stats", "retros"], in: directory)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("Incidents per month (every month from the first incident)"))
    #expect(text.stdout.contains("  2024-02                           0"), "an empty month is shown: \(text.stdout)")
    #expect(text.stdout.contains("Action items per month"))
    #expect(text.stdout.contains("Causes (by category"))
    #expect(!text.stdout.contains("Top root-cause words"))
    let quarter = try IndexCommandTests.run(["stats", "retros", "--period", "quarter", "--by", "service"], in: directory)
    #expect(quarter.stdout.contains("Incidents per quarter by service"), "\(quarter.stdout)")
    #expect(quarter.stdout.contains("  2024-Q1"))
    let json = try IndexCommandTests.run(["stats", "retros", "--format", "json"], in: directory)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let trends = try #require(object["trends"] as? [String: Any])
    #expect((trends["rows"] as? [[String: Any]])?.map { $0["period"] as? String } == ["2024-01", "2024-02", "2024-03"])
    #expect(try IndexCommandTests.run(["stats", "retros", "--period", "week"], in: directory).status == 2)
  }

  @Test("the site has a Trends page of SVG charts with a title and description each, linked from every page")
  func site() throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let site = try IndexCommandTests.run(["site", "retros", "--out", "site", "--include-drafts"], in: directory)
    #expect(site.status == 0, "\(site.stderr)")
    let page = try String(contentsOf: directory.appendingPathComponent("site/trends.html"), encoding: .utf8)
    #expect(page.contains("<h1>Trends</h1>"))
    #expect(page.contains("<title id=\"trend-incidents-title\">Incidents per month</title>"))
    #expect(page.contains("<title id=\"trend-resolve-title\">Time to resolve per month</title>"))
    #expect(page.contains("<th scope=\"row\">2024-02</th><td>0</td>"), "the quiet month is in the table")
    #expect(!page.contains("<script"))
    let index = try String(contentsOf: directory.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(index.contains("<a href=\"trends.html\">Trends</a>"))
    let css = try String(contentsOf: directory.appendingPathComponent("site/style.css"), encoding: .utf8)
    #expect(css.contains(".trend-bar { fill: var(--accent); }"), "chart colours come from the style sheet, so dark mode applies")
  }
}
