import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif
import RetroCore

/// Brings the index up to date with the files on disk, reading only what changed.
///
/// A file whose modification time and size match its row costs a stat. A changed file is
/// hashed; if its bytes are the same only the stat is updated, else it is parsed and its
/// report and items replaced. Each item's status change is recorded with the time it was
/// seen. Files gone from disk are dropped; a file that reappears under another name with the
/// same content is a rename, and its items keep their history.
public struct Indexer: Sendable {
  public let database: IndexDatabase
  public var parser: IncidentParser
  /// How many changed files to parse before writing them in one transaction.
  public var batchSize = 200

  public init(database: IndexDatabase, parser: IncidentParser) {
    self.database = database
    self.parser = parser
  }

  private struct Stat {
    var modifiedAt: Double
    var size: Int
  }

  private struct Parsed {
    var path: String
    var stat: Stat
    var hash: String
    var report: IncidentReport?
  }

  /// Indexes `files` (the complete set for this index: rows for other paths are dropped).
  /// `now` is when the run sees the files: it dates status changes.
  public func update(files: [String], now: Date = Date()) throws -> IndexUpdate {
    var result = IndexUpdate()
    let known = try database.writer.read { db in
      // Read from the covering index `report_freshness`, by column position.
      var rows: [String: (String, Double, Int)] = [:]
      let cursor = try Row.fetchCursor(db, sql: "SELECT path, contentHash, modifiedAt, size FROM report")
      while let row = try cursor.next() { rows[row[0]] = (row[1], row[2], row[3]) }
      return rows
    }
    let stamp = ISO8601.string(now)
    var pending: [Parsed] = []
    var seen = Set<String>()
    var added: [String: String] = [:]  // path → hash, for rename detection

    func flush(_ db: Database) throws {
      guard !pending.isEmpty else { return }
      let batch = pending
      pending.removeAll()
      for item in batch {
        if let report = item.report {
          result.statusChanges += try Self.store(
            report, path: item.path, stat: item.stat, hash: item.hash, stamp: stamp, order: parser.configuration.dateOrder, in: db)
        } else {
          try db.execute(sql: "UPDATE report SET modifiedAt = ?, size = ? WHERE path = ?", arguments: [item.stat.modifiedAt, item.stat.size, item.path])
        }
      }
    }

    // First a stat of every file; only the changed ones are read, in batches parsed on every
    // core and written one transaction a batch.
    var changed: [(path: String, stat: Stat)] = []
    let stats = Self.statFiles(files)
    for (path, stat) in zip(files, stats) {
      result.scanned += 1
      seen.insert(path)
      guard let stat else {
        result.problems.append("\(path): error: cannot be read")
        continue
      }
      if let row = known[path], row.1 == stat.modifiedAt, row.2 == stat.size {
        result.unchanged += 1
        continue
      }
      changed.append((path, stat))
    }
    let gone = known.filter { !seen.contains($0.key) }
    try Self.fillRootCauseWords(database)
    guard !changed.isEmpty || !gone.isEmpty else { return result }
    let parser = self.parser
    // One transaction for the whole run: a run that fails (a full disk) or is killed leaves
    // the index exactly as it was. Batches are parsed on every core between writes.
    try database.writer.writeWithoutTransaction { db in
      try db.inTransaction {
        // Each batch is parsed on every core while the one before is written.
        let batches = stride(from: 0, to: changed.count, by: batchSize).map {
          Array(changed[$0..<min(changed.count, $0 + batchSize)])
        }
        let parse: @Sendable ((path: String, stat: Stat)) -> Result<Parsed, Error> = { entry in
          do {
            let data = try Data(contentsOf: URL(fileURLWithPath: entry.path))
            let hash = ContentHash.of(data)
            if let row = known[entry.path], row.0 == hash {
              return .success(Parsed(path: entry.path, stat: entry.stat, hash: hash, report: nil))
            }
            let report = try parser.parse(try SourceFile.decode(data, path: entry.path))
            return .success(Parsed(path: entry.path, stat: entry.stat, hash: hash, report: report))
          } catch {
            return .failure(error)
          }
        }
        try Pipeline.run(batches, parse) { batch, outcomes in
          for (entry, outcome) in zip(batch, outcomes) {
            switch outcome {
            case .success(let parsed):
              if parsed.report == nil {
                result.unchanged += 1
              } else {
                result.parsed += 1
                if known[entry.path] == nil { added[entry.path] = parsed.hash }
              }
              pending.append(parsed)
            case .failure(let error as InputError):
              result.problems.append(error.description)
            case .failure(let error):
              result.problems.append("\(entry.path): error: \(error.localizedDescription)")
            }
          }
          try flush(db)
        }

        if !gone.isEmpty {
          let (renamed, removed) = try { () throws -> (Int, Int) in
            var renamed = 0
            for (oldPath, row) in gone {
              if let newPath = added.first(where: { $0.value == row.0 })?.key {
                try Self.carryHistory(from: oldPath, to: newPath, in: db)
                added.removeValue(forKey: newPath)
                renamed += 1
              }
              try db.execute(sql: "DELETE FROM report WHERE path = ?", arguments: [oldPath])
            }
            return (renamed, gone.count - renamed)
          }()
          result.renamed = renamed
          result.removed = removed
        }
        return .commit
      }
    }
    return result
  }

  /// Every file's stat, on every core: on a warm run the stats are most of the work.
  private static func statFiles(_ files: [String]) -> [Stat?] {
    var stats = [Stat?](repeating: nil, count: files.count)
    let chunks = files.count < 512 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
    let chunkSize = (files.count + chunks - 1) / max(1, chunks)
    stats.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        // Each chunk writes only its own slots.
        for index in chunk * chunkSize..<min(files.count, (chunk + 1) * chunkSize) { out[index] = statFile(files[index]) }
      }
    }
    return stats
  }

  /// The file's modification time and size, by one `stat` call.
  private static func statFile(_ path: String) -> Stat? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
    return Stat(modifiedAt: modified, size: Int(info.st_size))
  }

  /// Inserts or replaces one item row through a prepared statement: what the record's
  /// `upsert` does (the same columns, the lists as the same JSON), without encoding the record
  /// through Codable for every row, which was the index's largest cost after parsing. The
  /// tracker columns are left as they are.
  static func write(_ row: ActionItemRecord, in db: Database) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO actionItem (reportPath, itemId, explicitId, text, normalizedText, owners, due, tickets, priority,
          type, status, groupName, line, firstSeenAt, openedAt, closedAt, incidentDate)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(reportPath, itemId) DO UPDATE SET explicitId = excluded.explicitId, text = excluded.text,
          normalizedText = excluded.normalizedText, owners = excluded.owners, due = excluded.due,
          tickets = excluded.tickets, priority = excluded.priority, type = excluded.type, status = excluded.status,
          groupName = excluded.groupName, line = excluded.line, firstSeenAt = excluded.firstSeenAt,
          openedAt = excluded.openedAt, closedAt = excluded.closedAt, incidentDate = excluded.incidentDate
        """)
    try statement.execute(arguments: [
      row.reportPath, row.itemId, row.explicitId, row.text, row.normalizedText, JSONStringArray.encode(row.owners), row.due,
      JSONStringArray.encode(row.tickets), row.priority, row.type, row.status, row.groupName, row.line, row.firstSeenAt,
      row.openedAt, row.closedAt, row.incidentDate,
    ])
  }

  /// Rows an older retro wrote have no root-cause words yet: worked out once, here.
  static func fillRootCauseWords(_ database: IndexDatabase) throws {
    let missing = try database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT path, rootCauses FROM report WHERE rootCauseWords IS NULL")
    }
    guard !missing.isEmpty else { return }
    try database.writer.write { db in
      for row in missing {
        let text: String = row[1]
        try db.execute(
          sql: "UPDATE report SET rootCauseWords = ? WHERE path = ?",
          arguments: [JSONStringArray.encode(IncidentStats.rootCauseWords(text)), row[0] as String])
      }
    }
  }

  /// Writes one parsed report and its items; returns how many items changed status.
  private static func store(
    _ report: IncidentReport, path: String, stat: Stat, hash: String, stamp: String, order: DateOrder, in db: Database
  ) throws -> Int {
    let incidentDates = report.incidentDates(order: order)
    let rootCauses = report.sections.filter { $0.effectiveKind == .rootCauses }.map(\.body).joined(separator: "\n")
    let record = ReportRecord(
      path: path, contentHash: hash, modifiedAt: stat.modifiedAt, size: stat.size, title: report.title,
      incidentId: report.id, date: report.date?.description, publishedDate: report.publishedDate?.description,
      severity: report.severity, status: report.status, authors: report.authors, tags: report.tags,
      services: report.services, startedAt: report.timeline.compactMap(\.instant).first.map(ISO8601.string),
      timeToDetect: report.metrics.timeToDetect, timeToMitigate: report.metrics.timeToMitigate,
      timeToResolve: report.metrics.timeToResolve,
      rootCauses: rootCauses, indexedAt: stamp, rootCauseWords: IncidentStats.rootCauseWords(rootCauses))
    try record.upsert(db)
    let old = try ActionItemRecord.filter(sql: "reportPath = ?", arguments: [path]).fetchAll(db)
      .reduce(into: [String: ActionItemRecord]()) { $0[$1.itemId] = $1 }
    var changes = 0
    var kept = Set<String>()
    for item in report.actionItems where !kept.contains(item.id) {
      kept.insert(item.id)
      let status = item.status.rawValue
      var row = ActionItemRecord(
        reportPath: path, itemId: item.id, explicitId: item.explicitId, text: item.text,
        normalizedText: normalized(item.text), owners: item.owners, due: item.due?.description, tickets: item.tickets,
        priority: item.priority, type: item.type?.rawValue, status: status, groupName: item.group, line: item.line,
        // An item first seen already done was closed at some unknown time before: its
        // closedAt stays empty unless --git-history finds the commit.
        firstSeenAt: stamp, openedAt: item.status == .open ? stamp : nil, closedAt: nil,
        incidentDate: incidentDates[item.line]?.description)
      if let previous = old[item.id] {
        row.firstSeenAt = previous.firstSeenAt
        row.openedAt = previous.openedAt ?? row.openedAt
        if item.status == .done { row.closedAt = previous.status == "done" ? previous.closedAt : stamp }
        if item.status == .open { row.closedAt = nil }
        if previous.status != status {
          changes += 1
          var history = ItemHistoryRecord(id: nil, reportPath: path, itemId: item.id, status: status, seenAt: stamp, source: "index")
          try history.insert(db)
        }
      } else {
        var history = ItemHistoryRecord(id: nil, reportPath: path, itemId: item.id, status: status, seenAt: stamp, source: "index")
        try history.insert(db)
      }
      try Self.write(row, in: db)
    }
    for stale in old.keys where !kept.contains(stale) {
      try db.execute(sql: "DELETE FROM actionItem WHERE reportPath = ? AND itemId = ?", arguments: [path, stale])
    }
    return changes
  }

  /// After a rename, items whose text is the same keep when they were first seen, opened
  /// and closed, and their history.
  private static func carryHistory(from oldPath: String, to newPath: String, in db: Database) throws {
    let old = try ActionItemRecord.filter(sql: "reportPath = ?", arguments: [oldPath]).fetchAll(db)
    let new = try ActionItemRecord.filter(sql: "reportPath = ?", arguments: [newPath]).fetchAll(db)
    for var item in new {
      guard let previous = old.first(where: { $0.normalizedText == item.normalizedText }) else { continue }
      item.firstSeenAt = previous.firstSeenAt
      item.openedAt = previous.openedAt ?? item.openedAt
      if item.status == "done", previous.status == "done" { item.closedAt = previous.closedAt }
      try item.update(db)
      try db.execute(
        sql: "DELETE FROM itemHistory WHERE reportPath = ? AND itemId = ?", arguments: [newPath, item.itemId])
      try db.execute(
        sql: "UPDATE itemHistory SET reportPath = ?, itemId = ? WHERE reportPath = ? AND itemId = ?",
        arguments: [newPath, item.itemId, oldPath, previous.itemId])
    }
  }

  static func normalized(_ text: String) -> String {
    text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
  }
}
