import Foundation
import RetroCore

/// Test fixtures in `Fixtures/`, next to this file.
enum Fixture {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func path(_ name: String) -> String {
    directory.appendingPathComponent(name).path
  }

  static func report(_ name: String, configuration: ParserConfiguration = ParserConfiguration()) throws -> IncidentReport {
    try IncidentParser(configuration: configuration).parse(path: path(name))
  }
}

/// Parses inline Markdown as a report.
func parse(_ text: String, path: String = "test.md", configuration: ParserConfiguration = ParserConfiguration()) throws -> IncidentReport {
  try IncidentParser(configuration: configuration).parse(text: text, path: path)
}

/// An instant in UTC, for comparisons.
func utc(_ text: String) -> Date? {
  ISO8601.date(text)
}
