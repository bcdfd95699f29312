import Foundation
import GRDB
import RetroCore

/// Joins tracker tickets to the index's action items.
///
/// An import (`--tracker`, `tracker:`) replaces the tickets of the export files it reads and
/// keeps those of other files imported before (a one-off `--tracker jira.csv` does not lose
/// the GitHub export of an earlier run; `Outcome.kept` says how many); every index run then
/// matches each item's references (key, URL, `#123`) to a ticket and stores the ticket's
/// key, state and close date beside the item. The item's own status stays what the report
/// says; readers count an item whose ticket is closed as done, dated by the ticket
/// (`IndexReader`). The first time a ticket is seen closed for an open item, the item's
/// history records it, with the export as its source.
public enum TrackerJoin {
  /// Items matched to a ticket, and how many of them the tracker closed.
  public struct Outcome: Sendable, Equatable {
    public var tickets = 0
    public var matched = 0
    public var closedByTracker = 0
    /// Tickets kept from earlier imports of other export files.
    public var kept = 0
    /// Those files.
    public var keptFiles: [String] = []
  }

  /// Imports `tickets` when given (else uses the tickets imported before) and joins them.
  @discardableResult
  public static func apply(_ imported: TrackerTickets?, to database: IndexDatabase, now: Date, gitRemote: GitRemote, root: String)
    throws -> Outcome
  {
    // Without an import and with no ticket stored, no item can hold a ticket's state (tickets
    // leave only through an import or `forget`, which clear the items' columns): nothing to write.
    if imported == nil, try database.writer.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ticket") ?? 0 }) == 0 {
      return Outcome()
    }
    return try database.writer.write { db in
      var kept = (count: 0, files: [String]())
      if let imported {
        // Each export replaces what it gave before; other exports' tickets stay.
        // Every export read, even one that now has no ticket, replaces what it gave before.
        let files = Set(imported.files.map { URL(fileURLWithPath: $0).standardizedFileURL.path } + imported.tickets.map { file(of: $0.source) })
        let earlier = try Row.fetchAll(db, sql: "SELECT key, source FROM ticket")
        var keptFiles = Set<String>()
        for row in earlier {
          let source: String = row[1]
          let key: String = row[0]
          if files.contains(file(of: source)) {
            try db.execute(sql: "DELETE FROM ticket WHERE key = ?", arguments: [key])
          } else {
            kept.count += 1
            keptFiles.insert(file(of: source))
          }
        }
        kept.files = keptFiles.sorted()
        for ticket in imported.tickets {
          try db.execute(
            sql: """
              INSERT OR REPLACE INTO ticket (key, repository, number, url, title, state, statusText, closedOn, assignees, source)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              ticket.key, ticket.repository, ticket.number, ticket.url, ticket.title, ticket.state.rawValue, ticket.statusText,
              ticket.closedOn?.description, JSONStringArray.encode(ticket.assignees), absoluteSource(ticket.source),
            ])
        }
      }
      let tickets = try imported.map { kept.count == 0 ? $0 : try stored(db) } ?? stored(db)
      var outcome = Outcome(tickets: tickets.tickets.count)
      // A kept ticket whose key an import gave again was replaced, not kept.
      outcome.kept = imported == nil ? 0 : max(0, tickets.tickets.count - (imported?.tickets.count ?? 0))
      outcome.keptFiles = outcome.kept > 0 ? kept.files : []
      guard !tickets.isEmpty else {
        try db.execute(sql: "UPDATE actionItem SET trackerKey = NULL, trackerState = NULL, trackerStatus = NULL, trackerClosedOn = NULL WHERE trackerKey IS NOT NULL")
        return outcome
      }
      let stamp = ISO8601.string(now)
      let rows = try Row.fetchAll(
        db, sql: "SELECT reportPath, itemId, tickets, status, trackerState, trackerKey, trackerStatus, trackerClosedOn FROM actionItem")
      for row in rows {
        let path: String = row[0]
        let itemId: String = row[1]
        let references = JSONStringArray.parse(row[2])
        let status: String = row[3]
        let previousState: String? = row[4]
        let ticket = references.isEmpty ? nil : tickets.ticket(for: references) {
          gitRemote.repository(ofFileAt: path.hasPrefix("/") ? path : root + "/" + path)
        }
        // Every run joins again; only rows whose ticket changed are written.
        let stored: [String?] = [row[5], row[4], row[6], row[7]]
        let joined: [String?] = [ticket?.key, ticket?.state.rawValue, ticket?.statusText, ticket?.closedOn?.description]
        if stored != joined {
          try db.execute(
            sql: "UPDATE actionItem SET trackerKey = ?, trackerState = ?, trackerStatus = ?, trackerClosedOn = ? WHERE reportPath = ? AND itemId = ?",
            arguments: [joined[0], joined[1], joined[2], joined[3], path, itemId])
        }
        guard let ticket else { continue }
        outcome.matched += 1
        guard ticket.state == .closed, status == "open" else { continue }
        outcome.closedByTracker += 1
        if previousState != "closed" {
          let seenAt = ticket.closedOn.map { "\($0)T00:00:00Z" } ?? stamp
          try db.execute(
            sql: "INSERT INTO itemHistory (reportPath, itemId, status, seenAt, source) VALUES (?, ?, 'done', ?, ?)",
            arguments: [path, itemId, seenAt, "tracker \(ticket.key) (\(ticket.source))"])
        }
      }
      return outcome
    }
  }

  /// Drops every imported ticket and the items' joined columns (`retro index --forget-tracker`).
  public static func forget(_ database: IndexDatabase) throws {
    try database.writer.write { db in
      try db.execute(sql: "DELETE FROM ticket")
      try db.execute(sql: "UPDATE actionItem SET trackerKey = NULL, trackerState = NULL, trackerStatus = NULL, trackerClosedOn = NULL WHERE trackerKey IS NOT NULL")
    }
  }

  /// A ticket's source with its file made absolute, so a later import from another folder
  /// still knows the file.
  static func absoluteSource(_ source: String) -> String {
    guard let colon = source.lastIndex(of: ":"), source[source.index(after: colon)...].allSatisfy(\.isNumber) else { return file(of: source) }
    return file(of: source) + source[colon...]
  }

  /// The export file of a ticket's source (`exports/jira.csv:12`), as an absolute path.
  static func file(of source: String) -> String {
    var path = source
    if let colon = source.lastIndex(of: ":"), source[source.index(after: colon)...].allSatisfy(\.isNumber) { path = String(source[..<colon]) }
    return URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// The tickets imported before, from the `ticket` table.
  static func stored(_ db: Database) throws -> TrackerTickets {
    let rows = try Row.fetchAll(db, sql: "SELECT key, repository, number, url, title, state, statusText, closedOn, assignees, source FROM ticket")
    return TrackerTickets(
      rows.map { row in
        let closedOn: String? = row[7]
        let state: String = row[5]
        return TrackerTicket(
          key: row[0], repository: row[1], number: row[2], url: row[3], title: row[4],
          state: TrackerTicket.State(rawValue: state) ?? .open, statusText: row[6],
          closedOn: closedOn.flatMap { CalendarDate(iso: $0) }, assignees: JSONStringArray.parse(row[8]), source: row[9])
      })
  }
}
