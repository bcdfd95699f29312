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
    try database.writer.read { db in
      try actionItems(db, asOf: asOf, where: status == nil ? nil : "\(Self.status) = ?", arguments: status.map { [$0] } ?? [])
    }
  }

  /// An item's status counting the tracker: a closed ticket makes it done.
  static let status = "(CASE WHEN a.trackerState = 'closed' THEN 'done' ELSE a.status END)"
  /// When it was closed: the tracker's date for a ticket it closed, else when the index saw it.
  static let closedAt = "(CASE WHEN a.trackerState = 'closed' THEN coalesce(a.trackerClosedOn, a.closedAt) ELSE a.closedAt END)"

  private func actionItems(
    _ db: Database, asOf: CalendarDate, where condition: String?, order: String? = nil, arguments: StatementArguments = [],
    limit: Int? = nil
  ) throws -> [ActionItemRow] {
    let sql = """
      SELECT a.itemId, a.text, a.owners, a.due, a.tickets, a.priority, a.type, \(Self.status), a.line,
             \(Self.closedAt), a.firstSeenAt, a.reportPath, r.title, r.date, r.severity, r.tags, r.services,
             a.trackerKey, a.trackerState, a.trackerStatus, a.trackerClosedOn, a.status
      FROM actionItem a LEFT JOIN report r ON r.path = a.reportPath
      \(condition.map { "WHERE " + $0 } ?? "") \(order.map { "ORDER BY " + $0 } ?? "") \(limit.map { "LIMIT \($0)" } ?? "")
      """
    var rows: [ActionItemRow] = []
    let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
    while let row = try cursor.next() {
      let itemStatus: String = row[7]
      let firstSeenAt: String = row[10]
      let reportDate: String? = row[13]
      let due: String? = row[3]
      let start = reportDate.flatMap { CalendarDate(iso: $0) } ?? CalendarDate(iso: firstSeenAt.prefix(10))
      var overdue: Int?
      if itemStatus == "open", let day = due.flatMap({ CalendarDate(iso: $0) }), day < asOf { overdue = day.days(to: asOf) }
      var item = ActionItemRow(
        id: row[0], text: row[1], owners: JSONStringArray.parse(row[2]), due: due, daysOverdue: overdue,
        ageDays: start.map { max(0, $0.days(to: asOf)) }, status: itemStatus, tickets: JSONStringArray.parse(row[4]),
        priority: row[5], type: row[6], reportTitle: row[12], reportDate: reportDate, severity: row[14],
        tags: JSONStringArray.parse(row[15]), services: JSONStringArray.parse(row[16]), path: row[11], line: row[8],
        closedAt: row[9], firstSeenAt: firstSeenAt)
      let trackerKey: String? = row[17]
      if let trackerKey {
        let state: String = row[18] ?? "open"
        let statusText: String = row[19] ?? state
        let closedOn: String? = row[20]
        item.tracker = state == "closed"
          ? "\(trackerKey) closed" + (closedOn.map { " \($0)" } ?? "")
          : "\(trackerKey) \(statusText.lowercased() == "open" ? "open" : "open (\(statusText))")"
        item.reportStatus = row[21]
      }
      rows.append(item)
    }
    return rows
  }

  /// The per-report figures `retro stats` needs, without the Codable decoding of every column.
  public func reportFigures() throws -> [ReportRecord] {
    try database.writer.read { db in
      var records: [ReportRecord] = []
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT path, date, severity, status, tags, services, timeToDetect, timeToMitigate, timeToResolve,
                 CASE WHEN rootCauseWords IS NULL THEN rootCauses ELSE '' END, title, rootCauseWords
          FROM report ORDER BY date, path
          """)
      while let row = try cursor.next() {
        records.append(
          ReportRecord(
            path: row[0], contentHash: "", modifiedAt: 0, size: 0, title: row[10], incidentId: nil, date: row[1],
            publishedDate: nil, severity: row[2], status: row[3], authors: [], tags: JSONStringArray.parse(row[4]),
            services: JSONStringArray.parse(row[5]), startedAt: nil, timeToDetect: row[6], timeToMitigate: row[7],
            timeToResolve: row[8], rootCauses: row[9], indexedAt: "",
            rootCauseWords: (row[11] as String?).map { JSONStringArray.parse($0) }))
      }
      return records
    }
  }

  /// The action-item figures of `retro stats`, aggregated by SQLite: only the five oldest
  /// open items and the dates of done ones leave the database, not every row.
  public func actionItemFigures(asOf: CalendarDate) throws -> IncidentStats.ActionItemFigures {
    let today = asOf.description
    return try database.writer.read { db in
      var open = 0
      var done = 0
      for row in try Row.fetchAll(db, sql: "SELECT \(Self.status), count(*) FROM actionItem a GROUP BY 1") {
        let status: String = row[0]
        if status == "open" { open = row[1] } else if status == "done" { done = row[1] }
      }
      let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM actionItem") ?? 0
      // Due dates are ISO text (`YYYY-MM-DD`), so text order is date order.
      let overdue =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM actionItem a WHERE \(Self.status) = 'open' AND due IS NOT NULL AND due < ?", arguments: [today]
        ) ?? 0
      let unowned =
        try Int.fetchOne(db, sql: "SELECT count(*) FROM actionItem a WHERE \(Self.status) = 'open' AND owners = '[]'") ?? 0
      var daysToClose: [Double] = []
      let closed = try Row.fetchCursor(
        db,
        sql: "SELECT r.date, \(Self.closedAt) FROM actionItem a LEFT JOIN report r ON r.path = a.reportPath WHERE \(Self.status) = 'done'")
      while let row = try closed.next() {
        let reportDate: String? = row[0]
        let closedAt: String? = row[1]
        guard let start = reportDate.flatMap({ CalendarDate(iso: $0) }),
          let end = closedAt.flatMap({ CalendarDate(iso: $0.prefix(10)) })
        else { continue }
        daysToClose.append(Double(max(0, start.days(to: end))))
      }
      // Oldest first: age counts from the incident (or from when the item was first seen),
      // and an item dated after `asOf` is 0 days old, so the start is capped at `asOf`.
      let oldest = try actionItems(
        db, asOf: asOf,
        where: "\(Self.status) = 'open'",
        order: "min(coalesce(r.date, substr(a.firstSeenAt, 1, 10)), ?), a.reportPath, a.line", arguments: [today],
        limit: 5)
      return IncidentStats.ActionItemFigures(
        total: total, open: open, done: done, closureRate: total == 0 ? nil : Double(done) / Double(total),
        medianDaysToClose: IncidentStats.percentile(daysToClose, 0.5), overdue: overdue, unowned: unowned,
        oldestOpen: oldest)
    }
  }

  /// Status history of every item, oldest first.
  public func history() throws -> [ItemHistoryRecord] {
    try database.writer.read { db in try ItemHistoryRecord.order(sql: "seenAt, id").fetchAll(db) }
  }
}
