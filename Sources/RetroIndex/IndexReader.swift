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
             a.trackerKey, a.trackerState, a.trackerStatus, a.trackerClosedOn, a.status, r.status, a.incidentDate
      FROM actionItem a LEFT JOIN report r ON r.path = a.reportPath
      \(condition.map { "WHERE " + $0 } ?? "") \(order.map { "ORDER BY " + $0 } ?? "") \(limit.map { "LIMIT \($0)" } ?? "")
      """
    var rows: [ActionItemRow] = []
    if limit == nil {
      rows.reserveCapacity(
        try Int.fetchOne(db, sql: "SELECT count(*) FROM actionItem a \(condition.map { "WHERE " + $0 } ?? "")", arguments: arguments) ?? 0)
    }
    // A report's columns are read once for all its items (its rows come together), so its
    // items share one copy of its strings; so do items first seen in the same run. Columns
    // are read straight from SQLite.
    var report: (path: String, title: String?, date: String?, severity: String?, tags: [String], services: [String], status: String?) =
      ("", nil, nil, nil, [], [], nil)
    var lastFirstSeenAt = ""
    let statement = try db.makeStatement(sql: sql)
    let cursor = try Row.fetchCursor(statement, arguments: arguments)
    let column = ColumnReader(statement)
    while try cursor.next() != nil {
      if report.path.isEmpty || !column.holds(11, report.path) {
        report = (
          column.text(11), column.optionalText(12), column.optionalText(13), column.optionalText(14),
          column.withBytes(15, JSONStringArray.parse(bytes:)), column.withBytes(16, JSONStringArray.parse(bytes:)),
          column.optionalText(22)
        )
      }
      let itemStatus = column.text(7)
      if !column.holds(10, lastFirstSeenAt) { lastFirstSeenAt = column.text(10) }
      let firstSeenAt = lastFirstSeenAt
      let reportDate = report.date
      let due = column.optionalText(3)
      // An item's age runs from its report's date; a report with no date gives no age (shown
      // `—`, sorted after the dated ones), not the day the index first saw it.
      let start = reportDate.flatMap { CalendarDate(iso: $0) }
      var overdue: Int?
      if itemStatus == "open", let day = due.flatMap({ CalendarDate(iso: $0) }), day < asOf { overdue = day.days(to: asOf) }
      var item = ActionItemRow(
        id: column.text(0), text: column.text(1), owners: column.withBytes(2, JSONStringArray.parse(bytes:)), due: due,
        daysOverdue: overdue, ageDays: start.map { max(0, $0.days(to: asOf)) }, status: itemStatus,
        tickets: column.withBytes(4, JSONStringArray.parse(bytes:)), priority: column.optionalText(5),
        type: column.optionalText(6), reportTitle: report.title, reportDate: reportDate, severity: report.severity,
        tags: report.tags, services: report.services, path: report.path, line: column.int(8),
        closedAt: column.optionalText(9), firstSeenAt: firstSeenAt)
      item.retroStatus = report.status
      item.incidentDate = column.optionalText(23)
      if !column.isNull(17) {
        let trackerKey = column.text(17)
        let state = column.optionalText(18) ?? "open"
        let statusText = column.optionalText(19) ?? state
        let closedOn = column.optionalText(20)
        item.tracker = state == "closed"
          ? "\(trackerKey) closed" + (closedOn.map { " \($0)" } ?? "")
          : "\(trackerKey) \(statusText.lowercased() == "open" ? "open" : "open (\(statusText))")"
        item.reportStatus = column.text(21)
      }
      rows.append(item)
    }
    return rows
  }

  /// The per-report figures `retro stats` needs, without the Codable decoding of every column.
  /// They come from the covering index `report_figures`; only a row an older retro wrote,
  /// still without root-cause words, has its root-cause text read. `withRootCauseWords: false`
  /// leaves the words out (`rootCauseWordCounts` has them counted).
  public func reportFigures(withRootCauseWords: Bool = true) throws -> [ReportRecord] {
    try database.writer.read { db in
      var records: [ReportRecord] = []
      var missingWords: [Int] = []
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT path, date, severity, status, tags, services, timeToDetect, timeToMitigate, timeToResolve, title,
                 rootCauseWords
          FROM report ORDER BY date, path
          """)
      while let row = try cursor.next() {
        let words: String? = row[10]
        if withRootCauseWords && words == nil { missingWords.append(records.count) }
        records.append(
          ReportRecord(
            path: row[0], contentHash: "", modifiedAt: 0, size: 0, title: row[9], incidentId: nil, date: row[1],
            publishedDate: nil, severity: row[2], status: row[3], authors: [], tags: JSONStringArray.parse(row[4]),
            services: JSONStringArray.parse(row[5]), startedAt: nil, timeToDetect: row[6], timeToMitigate: row[7],
            timeToResolve: row[8], rootCauses: "", indexedAt: "", rootCauseWords: withRootCauseWords ? words.map { JSONStringArray.parse($0) } : nil))
      }
      if !missingWords.isEmpty {
        let statement = try db.cachedStatement(sql: "SELECT rootCauses FROM report WHERE path = ?")
        for position in missingWords {
          records[position].rootCauses = try String.fetchOne(statement, arguments: [records[position].path]) ?? ""
        }
      }
      return records
    }
  }

  /// How many reports name each of the most named root-cause words: the `limit` first and
  /// every word tied with the last of them (`IncidentStats` breaks the ties). Counts reports
  /// whose words are worked out, which `Indexer.update` sees to.
  public func rootCauseWordCounts(limit: Int = 10) throws -> [IncidentStats.Count] {
    try database.writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT word, reports FROM rootCauseWord
          WHERE reports >= coalesce((SELECT reports FROM rootCauseWord ORDER BY reports DESC LIMIT 1 OFFSET ?), 0)
          """,
        arguments: [limit - 1]
      ).map { IncidentStats.Count(key: $0[0], count: $0[1]) }
    }
  }

  /// The action-item figures of `retro stats`, aggregated by SQLite: only the five oldest
  /// open items and the dates of done ones leave the database, not every row.
  public func actionItemFigures(asOf: CalendarDate) throws -> IncidentStats.ActionItemFigures {
    let today = asOf.description
    return try database.writer.read { db in
      // One pass over the items for every count. Due dates are ISO text (`YYYY-MM-DD`), so
      // text order is date order.
      let counts = try Row.fetchOne(
        db,
        sql: """
          SELECT count(*), coalesce(sum(s = 'open'), 0), coalesce(sum(s = 'done'), 0),
                 coalesce(sum(s = 'open' AND due IS NOT NULL AND due < ?), 0), coalesce(sum(s = 'open' AND owners = '[]'), 0)
          FROM (SELECT \(Self.status) AS s, due, owners FROM actionItem a)
          """,
        arguments: [today])
      let total: Int = counts?[0] ?? 0
      let open: Int = counts?[1] ?? 0
      let done: Int = counts?[2] ?? 0
      let overdue: Int = counts?[3] ?? 0
      let unowned: Int = counts?[4] ?? 0
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
