import Foundation
import GRDB
import RetroCore
import Testing
@testable import RetroIndex

@Suite("Action item queries, digest and stats")
struct QueryTests {
  static func folder() throws -> ReportFolder {
    let folder = try ReportFolder()
    try folder.write("2024-01-10-queue.md", Reports.alpha)
    try folder.write("2024-03-05-dns.md", Reports.beta)
    try folder.index(at: "2024-03-06")
    return folder
  }

  static func run(_ folder: ReportFolder, _ configure: (inout ActionItemFilter) -> Void) throws -> [String] {
    var filter = ActionItemFilter()
    configure(&filter)
    return filter.sorted(try folder.rows(asOf: "2024-03-10").filter(filter.matches)).map(\.text)
  }

  @Test("every filter")
  func filters() throws {
    let folder = try Self.folder()
    #expect(try Self.run(folder) { _ in }.count == 4)
    #expect(try Self.run(folder) { $0.status = .done } == ["Roll back the config @carl"])
    #expect(try Self.run(folder) { $0.status = .all }.count == 5)
    #expect(try Self.run(folder) { $0.owner = "ana" }.count == 2)
    #expect(try Self.run(folder) { $0.overdue = true } == ["Alert on consumer lag @ben due 2024-01-20", "Add lag-based autoscaling @ana OPS-1 due 2024-02-01"])
    #expect(try Self.run(folder) { $0.dueBefore = CalendarDate(iso: "2024-01-25") } == ["Alert on consumer lag @ben due 2024-01-20"])
    #expect(try Self.run(folder) { $0.severity = "sev1" } == ["Add lag based autoscaling to the consumers @ana OPS-9"])
    #expect(try Self.run(folder) { $0.tag = "QUEUES" }.count == 3)
    #expect(try Self.run(folder) { $0.service = "resolver" }.count == 1)
    #expect(try Self.run(folder) { $0.since = CalendarDate(iso: "2024-02-01") }.count == 1)
    #expect(try Self.run(folder) { $0.report = "dns" }.count == 1)
  }

  @Test("sorts, with items lacking the key shown last")
  func sorts() throws {
    let folder = try Self.folder()
    let byDue = try Self.run(folder) { $0.sort = .due }
    #expect(byDue.first == "Alert on consumer lag @ben due 2024-01-20")
    #expect(byDue.last?.hasPrefix("Add lag based") == true || byDue.last == "Document the batch window")
    let byOwner = try Self.run(folder) { $0.sort = .owner }
    #expect(byOwner.last == "Document the batch window")
    let bySeverity = try Self.run(folder) { $0.sort = .severity }
    #expect(bySeverity.first == "Add lag based autoscaling to the consumers @ana OPS-9")
    let byAge = try Self.run(folder) { $0.sort = .age }
    #expect(byAge.last == "Add lag based autoscaling to the consumers @ana OPS-9")
  }

  @Test("ages and overdue days count from the as-of date")
  func ages() throws {
    let folder = try Self.folder()
    let row = try #require(try folder.rows(asOf: "2024-03-10").first { $0.text.hasPrefix("Alert on consumer lag") })
    #expect(row.ageDays == 60)
    #expect(row.daysOverdue == 50)
  }

  @Test("recurring items across reports form a group")
  func recurring() throws {
    let folder = try Self.folder()
    let groups = RecurringItems.groups(try folder.rows(asOf: "2024-03-10"), threshold: 0.5)
    #expect(groups.count == 1)
    #expect(groups.first?.items.map(\.reportDate) == ["2024-01-10", "2024-03-05"])
  }

  @Test("the digest on a fixed date")
  func digest() throws {
    let folder = try Self.folder()
    try folder.write("2024-03-05-dns.md", Reports.beta.replacingOccurrences(of: "- [ ] Add lag based", with: "- [x] Add lag based"))
    try folder.index(at: "2024-03-08")
    let digest = Digest.build(try folder.rows(asOf: "2024-03-10"), asOf: CalendarDate(iso: "2024-03-10")!, days: 7)
    #expect(digest.owners.map(\.owner) == ["@ana", "@ben"])
    #expect(digest.owners[0].overdue.count == 1)
    #expect(digest.owners[1].overdue.count == 1)
    #expect(digest.owners[0].closed.map(\.text) == ["Add lag based autoscaling to the consumers @ana OPS-9"])
    #expect(digest.unowned.map(\.text) == ["Document the batch window"])
    let text = DigestRenderer().render(digest, format: .markdown)
    // Under its owner, the item without the owner and due date it names: they stand beside it.
    #expect(text.contains("## @ben\n\n**Overdue**\n\n- Alert on consumer lag (due 2024-01-20, 50 days over)"))
    #expect(text.contains("## Nobody owns these"))
  }

  @Test("stats: counts, medians and p90, closure")
  func stats() throws {
    let folder = try Self.folder()
    let reader = IndexReader(database: folder.database)
    let stats = IncidentStats.compute(reports: try reader.reports(), items: try folder.rows(asOf: "2024-03-10"), asOf: CalendarDate(iso: "2024-03-10")!)
    #expect(stats.reports == 2)
    #expect(stats.incidentsPerMonth.map(\.key) == ["2024-01", "2024-03"])
    #expect(stats.timeToDetect.median == 1500)
    #expect(stats.timeToResolve.p90 == 5400)
    #expect(stats.actionItems.total == 5 && stats.actionItems.done == 1)
    #expect(stats.actionItems.closureRate == 0.2)
    #expect(stats.actionItems.unowned == 1)
    #expect(stats.topRootCauseWords.contains { $0.key == "resolver" })
    let text = StatsRenderer().render(stats, format: .text)
    #expect(text.contains("time to detect    25m / 30m"))
    #expect(text.contains("█"))
  }

  /// Every word's count, as the triggers keep it and as a recount from the reports gives it.
  static func wordCounts(_ folder: ReportFolder) throws -> (kept: [String: Int], recounted: [String: Int]) {
    let kept = try folder.database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT word, reports FROM rootCauseWord").reduce(into: [String: Int]()) { $0[$1[0]] = $1[1] }
    }
    let recounted = try IndexReader(database: folder.database).reportFigures()
      .flatMap { $0.rootCauseWords ?? [] }.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
    return (kept, recounted)
  }

  @Test("the root-cause word counts stay equal to a recount as reports come, change, move and go")
  func rootCauseWordCounts() throws {
    let folder = try Self.folder()
    var counts = try Self.wordCounts(folder)
    #expect(!counts.kept.isEmpty)
    #expect(counts.kept == counts.recounted)
    #expect(counts.kept["resolver"] == 1)
    // A third report naming the resolver again; then one changes its root causes.
    try folder.write("2024-03-20-resolver.md", Reports.beta.replacingOccurrences(of: "DNS", with: "Resolver"))
    try folder.index(at: "2024-03-21")
    counts = try Self.wordCounts(folder)
    #expect(counts.kept == counts.recounted)
    #expect(counts.kept["resolver"] == 2)
    try folder.write("2024-03-20-resolver.md", Reports.alpha)
    try folder.index(at: "2024-03-22")
    counts = try Self.wordCounts(folder)
    #expect(counts.kept == counts.recounted)
    #expect(counts.kept["resolver"] == 1)
    // A rename and a removal.
    try FileManager.default.moveItem(atPath: folder.path("2024-03-20-resolver.md"), toPath: folder.path("2024-03-20-moved.md"))
    try folder.index(at: "2024-03-23")
    #expect(try Self.wordCounts(folder).kept == Self.wordCounts(folder).recounted)
    try FileManager.default.removeItem(atPath: folder.path("2024-03-05-dns.md"))
    try folder.index(at: "2024-03-24")
    counts = try Self.wordCounts(folder)
    #expect(counts.kept == counts.recounted)
    #expect(counts.kept["resolver"] == nil)
    // Rows an older retro wrote, without words: not counted until the next run fills them.
    try folder.database.writer.write { db in try db.execute(sql: "UPDATE report SET rootCauseWords = NULL") }
    #expect(try Self.wordCounts(folder).kept.isEmpty)
    try folder.index(at: "2024-03-25")
    counts = try Self.wordCounts(folder)
    #expect(!counts.kept.isEmpty)
    #expect(counts.kept == counts.recounted)
    // What `stats` shows from the counts is what counting every report's words shows.
    let reader = IndexReader(database: folder.database)
    let day = CalendarDate(iso: "2024-03-25")!
    let recounted = IncidentStats.compute(reports: try reader.reportFigures(), items: [], asOf: day).topRootCauseWords
    let figures = try reader.actionItemFigures(asOf: day)
    let kept = IncidentStats.compute(
      reports: try reader.reportFigures(withRootCauseWords: false), itemFigures: figures,
      rootCauseWords: try reader.rootCauseWordCounts(), asOf: day)
    #expect(kept.topRootCauseWords == recounted)
    #expect(kept.topRootCauseWords.count == min(10, counts.kept.count))
  }

  @Test("root-cause words are worked out at index time, and filled in for rows an older retro wrote")
  func rootCauseWords() throws {
    let folder = try Self.folder()
    let reader = IndexReader(database: folder.database)
    let fresh = try reader.reportFigures()
    #expect(fresh.allSatisfy { $0.rootCauseWords != nil })
    #expect(fresh.contains { $0.rootCauseWords?.contains("resolver") == true })
    let before = IncidentStats.compute(reports: fresh, items: [], asOf: CalendarDate(iso: "2024-03-10")!).topRootCauseWords
    // An index from before the column: the words are missing until the next run fills them.
    try folder.database.writer.write { db in try db.execute(sql: "UPDATE report SET rootCauseWords = NULL") }
    let old = try reader.reportFigures()
    #expect(old.allSatisfy { $0.rootCauseWords == nil && !$0.rootCauses.isEmpty })
    #expect(IncidentStats.compute(reports: old, items: [], asOf: CalendarDate(iso: "2024-03-10")!).topRootCauseWords == before)
    try folder.index(at: "2024-03-11")
    let filled = try reader.reportFigures()
    #expect(filled.allSatisfy { $0.rootCauseWords != nil })
    #expect(IncidentStats.compute(reports: filled, items: [], asOf: CalendarDate(iso: "2024-03-10")!).topRootCauseWords == before)
  }

  @Test("percentiles", arguments: [([1.0, 2, 3, 4], 2.5, 4.0), ([10.0], 10, 10), ([5.0, 1, 9, 3, 7], 5, 9)])
  func percentiles(_ values: [Double], _ median: Double, _ p90: Double) {
    #expect(IncidentStats.percentile(values, 0.5) == median)
    #expect(IncidentStats.percentile(values, 0.9) == p90)
  }
}
