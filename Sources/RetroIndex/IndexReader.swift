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

  /// Every action item with its report, ages and overdue days counted at `asOf`.
  public func actionItems(asOf: CalendarDate) throws -> [ActionItemRow] {
    let (items, reports) = try database.writer.read { db in
      (try ActionItemRecord.fetchAll(db), try ReportRecord.fetchAll(db))
    }
    let byPath = Dictionary(reports.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    return items.map { item in
      let report = byPath[item.reportPath]
      let start = report?.date.flatMap { CalendarDate(iso: $0) } ?? CalendarDate(iso: item.firstSeenAt.prefix(10))
      let due = item.due.flatMap { CalendarDate(iso: $0) }
      var overdue: Int?
      if item.status == "open", let due, due < asOf { overdue = due.days(to: asOf) }
      return ActionItemRow(
        id: item.itemId, text: item.text, owners: item.owners, due: item.due, daysOverdue: overdue,
        ageDays: start.map { max(0, $0.days(to: asOf)) }, status: item.status, tickets: item.tickets,
        priority: item.priority, type: item.type, reportTitle: report?.title, reportDate: report?.date,
        severity: report?.severity, tags: report?.tags ?? [], services: report?.services ?? [],
        path: item.reportPath, line: item.line, closedAt: item.closedAt, firstSeenAt: item.firstSeenAt)
    }
  }

  /// Status history of every item, oldest first.
  public func history() throws -> [ItemHistoryRecord] {
    try database.writer.read { db in try ItemHistoryRecord.order(sql: "seenAt, id").fetchAll(db) }
  }
}
