import Foundation
import RetroCore
import RetroIndex
import RetroLint
import Testing
@testable import RetroPublish

/// Properties over generated reports: publishing then parsing keeps the model, linting is
/// deterministic, and indexing the same folder twice changes nothing.
@Suite("Properties of generated reports")
struct PropertyTests {
  /// A small deterministic generator (SplitMix64) so failures reproduce from the seed.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
  }

  static let words = ["cache", "queue", "deploy", "database", "alert", "latency", "replica", "config", "timeout", "retry"]

  static func report(seed: UInt64) -> String {
    var g = Generator(state: seed)
    func sentence() -> String { (0..<g.int(4...9)).map { _ in g.pick(words) }.joined(separator: " ").capitalized + "." }
    let day = "20\(g.int(18...25))-\(String(format: "%02d", g.int(1...12)))-\(String(format: "%02d", g.int(1...28)))"
    var text = "---\ntitle: \"Incident \(seed) \(g.pick(words))\"\ndate: \(day)\nseverity: SEV\(g.int(1...4))\nstatus: final\n"
    text += "authors: [Ana]\ntags: [\(g.pick(words))]\n---\n\n"
    if g.int(0...1) == 1 { text += "\(sentence()) \(sentence())\n\n" }
    text += "## Summary\n\n\(sentence()) \(sentence())\n\n## Impact\n\n\(g.int(1...90))% of requests failed for \(g.int(5...120)) minutes.\n\n"
    text += "## Root causes\n\n- \(sentence())\n\n"
    text += g.int(0...1) == 1 ? "## Timeline (UTC)\n\n" : "## Timeline\n\nAll times are CET.\n\n"
    var minutes = g.int(0...1200)
    let table = g.int(0...2) == 0
    if table { text += "| Time | Event |\n| --- | --- |\n" }
    for index in 0..<g.int(2...8) {
      minutes += g.int(1...40)
      let stamp = String(format: "%02d:%02d", (minutes / 60) % 24, minutes % 60)
      let event = index == 0 ? "outage starts" : sentence()
      text += table ? "| \(stamp) | \(event) |\n" : "- \(stamp) \(event)\n"
    }
    text += "\n## What went well\n\n- \(sentence())\n\n## What went wrong\n\n- \(sentence())\n\n## Action items\n\n"
    for index in 0..<g.int(1...5) {
      let box = g.pick(["[ ] ", "[x] ", ""])
      text += "- \(box)\(g.pick(["Add", "Alert on", "Document"])) \(g.pick(words)) \(index) \(g.pick(["@ana", "@ben", ""])) OPS-\(g.int(1...999))\n"
    }
    return text
  }

  static let seeds: [UInt64] = Array(1...40)

  @Test("parse → publish → parse keeps title, date, sections, timeline and items", arguments: seeds)
  func roundTrip(_ seed: UInt64) throws {
    let text = Self.report(seed: seed)
    let parser = IncidentParser()
    let parsed = try parser.parseDocument(SourceFile(path: "2024-01-01-r\(seed).md", text: text))
    for format in PostFormat.allCases {
      let post = try PostRenderer(format: format, templates: try PublishTemplates()).render(parsed, sourceText: text)
      let again = try parser.parse(text: post.text, path: post.relativePath)
      let before = parsed.report
      #expect(again.title == before.title, "seed \(seed) \(format)")
      #expect(again.date == before.date, "seed \(seed) \(format)")
      #expect(Set(again.sections.map { "\($0.kind):\($0.heading)" }) == Set(before.sections.map { "\($0.kind):\($0.heading)" }))
      #expect(again.timeline.map(\.instant) == before.timeline.map(\.instant), "seed \(seed) \(format)")
      #expect(again.timeline.map(\.text) == before.timeline.map(\.text), "seed \(seed) \(format)")
      #expect(again.actionItems.map(\.id) == before.actionItems.map(\.id), "seed \(seed) \(format)")
      #expect(again.actionItems.map(\.status) == before.actionItems.map(\.status), "seed \(seed) \(format)")
      #expect(again.lessons.wentWell.map(\.text) == before.lessons.wentWell.map(\.text), "seed \(seed) \(format)")
      #expect(again.lessons.wentWrong.map(\.text) == before.lessons.wentWrong.map(\.text), "seed \(seed) \(format)")
    }
  }

  @Test("lint gives the same output for the same input", arguments: seeds.prefix(10))
  func deterministicLint(_ seed: UInt64) throws {
    let text = Self.report(seed: seed)
    let linter = Linter(configuration: LintConfiguration())
    let first = linter.lint([try linter.context(for: SourceFile(path: "r.md", text: text))])
    let second = linter.lint([try linter.context(for: SourceFile(path: "r.md", text: text))])
    #expect(first == second)
  }

  @Test("indexing the same folder twice changes nothing")
  func idempotentIndex() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retro-prop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for seed in Self.seeds { try Data(Self.report(seed: seed).utf8).write(to: folder.appendingPathComponent("r\(seed).md")) }
    let database = try IndexDatabase(path: folder.appendingPathComponent("index.sqlite").path)
    let indexer = Indexer(database: database, parser: IncidentParser())
    let files = try ReportFinder.files(in: [folder.path]).filter { $0.hasSuffix(".md") }
    _ = try indexer.update(files: files, now: Date(timeIntervalSince1970: 1_700_000_000))
    let reader = IndexReader(database: database)
    let before = try reader.actionItems(asOf: CalendarDate(iso: "2026-01-01")!)
    let history = try reader.history()
    let second = try indexer.update(files: files, now: Date(timeIntervalSince1970: 1_800_000_000))
    #expect(second.parsed == 0 && second.statusChanges == 0)
    #expect(try reader.actionItems(asOf: CalendarDate(iso: "2026-01-01")!) == before)
    #expect(try reader.history() == history)
  }
}
