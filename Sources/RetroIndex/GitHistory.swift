import Foundation
import GRDB
import RetroCore

/// Dates action-item status changes by the git commits that made them (`--git-history`), so
/// a fresh index over an old repository still knows when each item was opened and closed.
///
/// For each report it reads `git log --follow` (renames included), parses the file as it was
/// at each commit, oldest first, and records the commit time when an item (matched by its
/// normalised text) first appears and first appears done. An item that is done in the commit
/// that first holds it has no dates from git: it was never open there, and when it was done is
/// unknown.
public struct GitHistory: Sendable {
  public let database: IndexDatabase
  public let parser: IncidentParser

  public init(database: IndexDatabase, parser: IncidentParser) {
    self.database = database
    self.parser = parser
  }

  /// Records history for `files`; returns the number of dated status changes. Files outside
  /// a git work tree are skipped.
  public func record(files: [String]) throws -> Int {
    var total = 0
    for file in files where file != "-" {
      let url = URL(fileURLWithPath: file)
      let directory = url.deletingLastPathComponent().path
      guard let log = Git.run(["log", "--follow", "--format=%H%x09%cI", "--name-only", "--", url.lastPathComponent], in: directory)
      else { continue }
      let commits = Self.commits(fromLog: log).reversed()
      guard !commits.isEmpty else { continue }
      var firstSeen: [String: (date: String, hash: String)] = [:]
      var firstDone: [String: (date: String, hash: String)] = [:]
      var reopened: [String: (date: String, hash: String)] = [:]
      for commit in commits {
        guard let root = Git.run(["rev-parse", "--show-toplevel"], in: directory)?.trimmingWhitespaceAndNewlines(),
          let text = Git.run(["-C", root, "show", "\(commit.hash):\(commit.path)"], in: directory),
          let report = try? parser.parse(text: text, path: file)
        else { continue }
        let instant = ISO8601.date(commit.date).map(ISO8601.string) ?? commit.date
        for item in report.actionItems {
          let key = Indexer.normalized(item.text)
          if firstSeen[key] == nil { firstSeen[key] = (instant, commit.hash) }
          if item.status == .done, firstDone[key] == nil { firstDone[key] = (instant, commit.hash) }
          if item.status == .open, firstDone[key] != nil, reopened[key] == nil { reopened[key] = (instant, commit.hash) }
        }
      }
      total += try database.writer.write { db -> Int in
        var count = 0
        let items = try ActionItemRecord.filter(sql: "reportPath = ?", arguments: [file]).fetchAll(db)
        for var item in items {
          guard let seen = firstSeen[item.normalizedText] else { continue }
          try db.execute(
            sql: "DELETE FROM itemHistory WHERE reportPath = ? AND itemId = ? AND source != 'index'",
            arguments: [file, item.itemId])
          item.firstSeenAt = seen.date
          let done = firstDone[item.normalizedText]
          // An item already done when it was first committed (a report written after the
          // work, an old file imported) was never seen open, and when it was closed is
          // unknown: the commit that added the file says neither.
          let addedDone = done?.hash == seen.hash
          if addedDone {
            item.openedAt = nil
            if item.status == "done" { item.closedAt = nil }
            try item.update(db)
            continue
          }
          var opened = ItemHistoryRecord(id: nil, reportPath: file, itemId: item.itemId, status: "open", seenAt: seen.date, source: seen.hash)
          try opened.insert(db)
          count += 1
          item.openedAt = seen.date
          if let done {
            var closed = ItemHistoryRecord(id: nil, reportPath: file, itemId: item.itemId, status: "done", seenAt: done.date, source: done.hash)
            try closed.insert(db)
            count += 1
            if item.status == "done" { item.closedAt = done.date }
          }
          try item.update(db)
        }
        return count
      }
    }
    return total
  }

  struct Commit {
    var hash: String
    var date: String
    var path: String
  }

  /// Parses `git log --format=%H%x09%cI --name-only` output, newest first.
  static func commits(fromLog log: String) -> [Commit] {
    var commits: [Commit] = []
    var current: (String, String)?
    for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
      let parts = line.split(separator: "\t")
      if parts.count == 2, parts[0].count == 40 {
        current = (String(parts[0]), String(parts[1]))
      } else if let (hash, date) = current {
        commits.append(Commit(hash: hash, date: date, path: String(line)))
        current = nil
      }
    }
    return commits
  }
}
