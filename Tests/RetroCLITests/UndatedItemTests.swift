import Foundation
import Testing

/// An item of a report with no date has no age: not 0 days, and not sorted as the newest.
@Suite("Items of undated reports")
struct UndatedItemTests {
  @Test("no age, shown as a dash, sorted after the dated items")
  func noAge() throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("# Old\n\n## Action items\n\n- Add an alert @ana\n".utf8).write(to: directory.appendingPathComponent("2023-01-10-old.md"))
    try Data("# Undated\n\n## Action items\n\n- Write a runbook @ben\n".utf8).write(to: directory.appendingPathComponent("undated.md"))
    let json = try RetroBinary.run(["actions", ".", "--as-of", "2023-02-01", "--format", "json"], in: directory)
    #expect(json.status == 0, "\(json.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let ages = Dictionary(uniqueKeysWithValues: rows.map { (($0["text"] as? String) ?? "", $0["ageDays"] as? Int) })
    #expect(ages["Add an alert @ana"] == .some(22) || ages["Add an alert"] == .some(22))
    #expect(rows.contains { ($0["text"] as? String)?.hasPrefix("Write a runbook") == true && ($0["ageDays"] == nil || $0["ageDays"] is NSNull) })
    let table = try RetroBinary.run(["actions", ".", "--as-of", "2023-02-01", "--sort", "age"], in: directory)
    let lines = table.stdout.split(separator: "\n")
    let alert = try #require(lines.firstIndex { $0.contains("Add an alert") })
    let runbook = try #require(lines.firstIndex { $0.contains("Write a runbook") })
    #expect(alert < runbook)
    #expect(lines[runbook].contains("  —  "))
  }
}
