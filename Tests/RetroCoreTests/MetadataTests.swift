import Testing
@testable import RetroCore

@Suite("Metadata")
struct MetadataTests {
  @Test("bold key/value lines give date, authors, status and severity")
  func boldLines() throws {
    let report = try Fixture.report("google-sre.md")
    #expect(report.title == "Payment queue stall")
    #expect(report.date?.description == "2021-06-08")
    #expect(report.authors == ["Ana Ruiz", "Ben Ito"])
    #expect(report.status == "final")
    #expect(report.severity == "SEV1")
  }

  @Test("front matter fields, with status normalised and a string service made a list")
  func frontMatter() throws {
    let report = try Fixture.report("atlassian.md")
    #expect(report.title == "DNS resolver outage")
    #expect(report.status == "in-review")
    #expect(report.tags == ["dns", "network"])
    #expect(report.services == ["resolver"])
    #expect(report.authors == ["Dana"])
    #expect(report.frontMatter?.keys.first == "title")
  }

  @Test("the title line's date, settled by another date in the document")
  func titleDate() throws {
    let report = try Fixture.report("plain-paste.txt")
    #expect(report.date?.description == "2021-04-03")
  }

  @Test("the date in the file name when nothing else gives one")
  func fileNameDate() throws {
    let report = try parse("## Summary\n\nx\n", path: "reports/2020-05-06-cache-flush.md")
    #expect(report.date?.description == "2020-05-06")
    #expect(report.title == "Cache flush")
  }

  @Test("the configured day/month order decides ambiguous dates")
  func configuredOrder() throws {
    let text = "# Outage 03/04/2021\n\n## Summary\n\nx\n"
    #expect(try parse(text).date?.description == "2021-04-03")
    #expect(try parse(text, configuration: ParserConfiguration(dateOrder: .monthFirst)).date?.description == "2021-03-04")
  }

  @Test("headings used as labels: # Date, ## Owner: @name")
  func headingLabels() throws {
    let report = try parse("# Date\n\n2021-04-12\n\n## Owner: @aron\n\n## Summary\n\nx\n")
    #expect(report.date?.description == "2021-04-12")
    #expect(report.authors == ["@aron"])
  }

  @Test("the model round-trips through JSON")
  func codable() throws {
    let report = try Fixture.report("atlassian.md")
    let data = try JSONEncoder().encode(report)
    let decoded = try JSONDecoder().decode(IncidentReport.self, from: data)
    #expect(decoded.timeline == report.timeline)
    #expect(decoded.actionItems == report.actionItems)
    #expect(decoded.title == report.title)
    #expect(Set(decoded.frontMatter?.keys ?? []) == Set(report.frontMatter?.keys ?? []))
    #expect(decoded.frontMatter?["tags"] == report.frontMatter?["tags"])
  }
}

import Foundation
