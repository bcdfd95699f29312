import Foundation
import GRDB
import RetroCore
import Testing
@testable import RetroIndex

@Suite("Incremental indexing")
struct IndexerTests {
  @Test("a first run reads everything; a second reads nothing")
  func incremental() throws {
    let folder = try ReportFolder()
    try folder.write("2024-01-10-queue.md", Reports.alpha)
    try folder.write("2024-03-05-dns.md", Reports.beta)
    let first = try folder.index(at: "2024-04-01")
    #expect(first.parsed == 2)
    let second = try folder.index(at: "2024-04-02")
    #expect(second.parsed == 0 && second.unchanged == 2)
    #expect(try folder.rows(asOf: "2024-04-01").count == 5)
  }

  @Test("an edit re-reads one file; a tick is a status change with its date in the history")
  func edit() throws {
    let folder = try ReportFolder()
    try folder.write("2024-01-10-queue.md", Reports.alpha)
    try folder.index(at: "2024-04-01")
    try folder.write("2024-01-10-queue.md", Reports.alpha.replacingOccurrences(of: "- [ ] Alert on consumer lag", with: "- [x] Alert on consumer lag"))
    let update = try folder.index(at: "2024-04-10")
    #expect(update.parsed == 1 && update.statusChanges == 1)
    let row = try #require(try folder.rows(asOf: "2024-04-10").first { $0.text.hasPrefix("Alert on consumer lag") })
    #expect(row.status == "done")
    #expect(row.closedAt == "2024-04-10T12:00:00Z")
    #expect(row.firstSeenAt == "2024-04-01T12:00:00Z")
    let history = try IndexReader(database: folder.database).history().filter { $0.itemId == row.id }
    #expect(history.map(\.status) == ["open", "done"])
    #expect(history.map(\.seenAt) == ["2024-04-01T12:00:00Z", "2024-04-10T12:00:00Z"])
  }

  @Test("ids are stable across whitespace and case edits, so history survives them")
  func stableIds() throws {
    let folder = try ReportFolder()
    try folder.write("2024-01-10-queue.md", Reports.alpha)
    try folder.index(at: "2024-04-01")
    let before = try folder.rows(asOf: "2024-04-01").map(\.id).sorted()
    try folder.write("2024-01-10-queue.md", Reports.alpha.replacingOccurrences(of: "- [ ] Document the batch window", with: "-   [ ]   document THE batch   window."))
    try folder.index(at: "2024-04-02")
    let after = try folder.rows(asOf: "2024-04-02")
    #expect(after.map(\.id).sorted() == before)
    #expect(after.allSatisfy { $0.firstSeenAt == "2024-04-01T12:00:00Z" })
  }

  @Test("a deleted file's report and items are dropped")
  func delete() throws {
    let folder = try ReportFolder()
    try folder.write("2024-01-10-queue.md", Reports.alpha)
    try folder.write("2024-03-05-dns.md", Reports.beta)
    try folder.index(at: "2024-04-01")
    try FileManager.default.removeItem(atPath: folder.path("2024-03-05-dns.md"))
    let update = try folder.index(at: "2024-04-02")
    #expect(update.removed == 1)
    #expect(try IndexReader(database: folder.database).reports().count == 1)
    #expect(try folder.rows(asOf: "2024-04-02").count == 3)
  }

  @Test("a renamed file keeps its items' history")
  func rename() throws {
    let folder = try ReportFolder()
    try folder.write("2024-01-10-queue.md", Reports.alpha)
    try folder.index(at: "2024-04-01")
    try FileManager.default.moveItem(atPath: folder.path("2024-01-10-queue.md"), toPath: folder.path("2024-01-10-billing-queue.md"))
    let update = try folder.index(at: "2024-05-01")
    #expect(update.renamed == 1 && update.removed == 0)
    let rows = try folder.rows(asOf: "2024-05-01")
    #expect(rows.count == 3)
    #expect(rows.allSatisfy { $0.path.hasSuffix("2024-01-10-billing-queue.md") && $0.firstSeenAt == "2024-04-01T12:00:00Z" })
    let history = try IndexReader(database: folder.database).history()
    #expect(history.count == 3)
    #expect(history.allSatisfy { $0.reportPath.hasSuffix("billing-queue.md") })
  }

  @Test("two processes' worth of indexers at once both succeed and agree")
  func concurrent() async throws {
    let folder = try ReportFolder()
    for index in 0..<40 {
      try folder.write("2024-01-\(String(format: "%02d", index % 28 + 1))-r\(index).md", Reports.alpha.replacingOccurrences(of: "Queue backlog", with: "Queue \(index)"))
    }
    let files = try folder.files()
    let path = folder.root.appendingPathComponent("index.sqlite").path
    try await withThrowingTaskGroup(of: IndexUpdate.self) { group in
      for _ in 0..<2 {
        group.addTask {
          let database = try IndexDatabase(path: path)
          var indexer = Indexer(database: database, parser: IncidentParser())
          indexer.batchSize = 5
          return try indexer.update(files: files, now: Date())
        }
      }
      for try await update in group { #expect(update.problems.isEmpty) }
    }
    #expect(try IndexReader(database: IndexDatabase(path: path)).reports().count == 40)
    #expect(try folder.rows(asOf: "2024-04-01").count == 120)
  }

  @Test("a file that is not retro's index is refused and left as it was, never rebuilt")
  func foreign() throws {
    let folder = try ReportFolder()
    let text = folder.root.appendingPathComponent("notes.txt").path
    let words = Data("this is not a database, just text that fills the header page............".utf8)
    try words.write(to: URL(fileURLWithPath: text))
    #expect(throws: IndexError.self) { try IndexDatabase(path: text) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == words)

    let foreign = folder.root.appendingPathComponent("foreign.sqlite").path
    let other = try DatabaseQueue(path: foreign)
    try other.write { db in try db.execute(sql: "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)") }
    try other.close()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: foreign))
    let error = try #require(throws: IndexError.self) { try IndexDatabase(path: foreign) }
    #expect("\(error)".contains("another program's SQLite database"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == bytes)

    let folderPath = folder.root.appendingPathComponent("retros").path
    #expect(throws: IndexError.self) { try IndexDatabase(path: folderPath) }
    #expect(FileManager.default.fileExists(atPath: folderPath))
  }

  @Test("retro's own index, marked, is rebuilt with a warning when damaged or from a newer retro")
  func damaged() throws {
    let folder = try ReportFolder()
    try folder.write("2024-01-10-queue.md", Reports.alpha)
    try folder.index(at: "2024-04-01")
    let path = folder.root.appendingPathComponent("newer.sqlite").path
    let newer = try IndexDatabase(path: path)
    #expect(newer.warnings.isEmpty)
    try newer.writer.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
    try newer.writer.close()
    let rebuilt = try IndexDatabase(path: path)
    #expect(rebuilt.warnings.first?.contains("newer retro") == true)
    #expect(try IndexReader(database: rebuilt).reports().isEmpty)
    let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(100)
    #expect(Array(header[68..<72]) == [0x72, 0x65, 0x74, 0x72])
  }

  @Test("an unreadable report is reported and the rest are indexed")
  func unreadable() throws {
    let folder = try ReportFolder()
    try folder.write("2024-01-10-queue.md", Reports.alpha)
    try Data([0x23, 0x00, 0x01]).write(to: URL(fileURLWithPath: folder.path("binary.md")))
    let update = try folder.index(at: "2024-04-01")
    #expect(update.problems.count == 1)
    #expect(update.problems[0].contains("NUL bytes"))
    #expect(try folder.rows(asOf: "2024-04-01").count == 3)
  }
}
