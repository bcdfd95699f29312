import Foundation
import Testing

/// `retro actions` fits the terminal: at 80 columns it leaves out where, report, age and
/// ticket and gives the item the room; at 120 and 160 every line fits too.
@Suite("retro actions fits the terminal")
struct ActionsWidthTests {
  @Test("every line fits the width", arguments: [80, 100, 120, 160])
  func fits(width: Int) throws {
    let directory = try LintCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let examples = RetroBinary.packageRoot.appendingPathComponent("examples")
    for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name.hasSuffix(".md") {
      try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }
    let run = try RetroBinary.run(["actions", ".", "--as-of", "2023-04-01"], in: directory, environment: ["COLUMNS": "\(width)"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count > 3)
    #expect(lines.allSatisfy { $0.count <= width }, "\(run.stdout)")
    let header = try #require(lines.first)
    #expect(header.hasPrefix("ID"))
    #expect(header.contains("ITEM") && header.contains("OWNERS") && header.contains("DUE") && header.contains("STATUS"))
    #expect(header.contains("WHERE") == (width >= 160))
  }
}
