import Foundation
import GRDB
import RetroCore

/// Reads what commands show from the index.
public struct IndexReader: Sendable {
  public let database: IndexDatabase

  public init(database: IndexDatabase) {
    self.database = database
  }

  public func reports() throws -> [ReportRecord] {
    try database.writer.read { db in try ReportRecord.order(sql: "date, path").fetchAll(db) }
  }

  /// Every action item with its report, ages and overdue days counted at `asOf`; only
  /// `open` or `done` ones when `status` says so. Rows are read column by column rather than
  /// through Codable: this is the query every listing runs.
  public func actionItems(asOf: CalendarDate, status: String? = nil) throws -> [ActionItemRow] {
    let sql = """
      SELECT a.itemId, a.text, a.owners, a.due, a.tickets, a.priority, a.type, a.status, a.line,
             a.closedAt, a.firstSeenAt, a.reportPath, r.title, r.date, r.severity, r.tags, r.services
      FROM actionItem a LEFT JOIN report r ON r.path = a.reportPath
      \(status == nil ? "" : "WHERE a.status = ?")
      """
    return try database.writer.read { db in
      var rows: [ActionItemRow] = []
      let cursor = try Row.fetchCursor(db, sql: sql, arguments: status.map { [$0] } ?? StatementArguments())
      while let row = try cursor.next() {
        let itemStatus: String = row[7]
        let firstSeenAt: String = row[10]
        let reportDate: String? = row[13]
        let due: String? = row[3]
        let start = reportDate.flatMap { CalendarDate(iso: $0) } ?? CalendarDate(iso: firstSeenAt.prefix(10))
        var overdue: Int?
        if itemStatus == "open", let day = due.flatMap({ CalendarDate(iso: $0) }), day < asOf { overdue = day.days(to: asOf) }
        rows.append(
          ActionItemRow(
            id: row[0], text: row[1], owners: JSONStringArray.parse(row[2]), due: due, daysOverdue: overdue,
            ageDays: start.map { max(0, $0.days(to: asOf)) }, status: itemStatus, tickets: JSONStringArray.parse(row[4]),
            priority: row[5], type: row[6], reportTitle: row[12], reportDate: reportDate, severity: row[14],
            tags: JSONStringArray.parse(row[15]), services: JSONStringArray.parse(row[16]), path: row[11], line: row[8],
            closedAt: row[9], firstSeenAt: firstSeenAt))
      }
      return rows
    }
  }

  /// The per-report figures `retro stats` needs, without the Codable decoding of every column.
  public func reportFigures() throws -> [ReportRecord] {
    try database.writer.read { db in
      var records: [ReportRecord] = []
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT path, date, severity, status, tags, services, timeToDetect, timeToMitigate, timeToResolve, rootCauses, title
          FROM report ORDER BY date, path
          """)
      while let row = try cursor.next() {
        records.append(
          ReportRecord(
            path: row[0], contentHash: "", modifiedAt: 0, size: 0, title: row[10], incidentId: nil, date: row[1],
            publishedDate: nil, severity: row[2], status: row[3], authors: [], tags: JSONStringArray.parse(row[4]),
            services: JSONStringArray.parse(row[5]), startedAt: nil, timeToDetect: row[6], timeToMitigate: row[7],
            timeToResolve: row[8], rootCauses: row[9], indexedAt: ""))
      }
      return records
    }
  }

  /// Status history of every item, oldest first.
  public func history() throws -> [ItemHistoryRecord] {
    try database.writer.read { db in try ItemHistoryRecord.order(sql: "seenAt, id").fetchAll(db) }
  }
}
