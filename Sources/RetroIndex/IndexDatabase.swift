import Foundation
import GRDB
import RetroCore

/// The SQLite index: a plain file other SQLite tools can read (docs/INDEX.md describes it).
///
/// It is derived data, but the path comes from `--index` or `index:` in `.retro.yml`, which a
/// pull request can change, so retro removes or rebuilds only a file it made: one carrying
/// its mark (`IndexFile`). A folder, a file that is not SQLite or another program's database
/// is refused with an error and left as it is. retro's own index, when damaged or written by
/// a newer retro, is rebuilt with a warning. A new index is made in a temporary file and
/// linked into place under a lock (`IndexFileLock`), so processes starting at once never see
/// half an index; WAL and a busy timeout let them index at once.
public final class IndexDatabase: Sendable {
  public let path: String
  public let writer: any DatabaseWriter
  /// What happened on opening that the user should know (a rebuilt index).
  public let warnings: [String]

  /// Opens (creating if needed) the index at `path`; `":memory:"` for tests.
  public init(path: String) throws {
    self.path = path
    if path == ":memory:" {
      let queue = try DatabaseQueue()
      try Self.migrator.migrate(queue)
      self.writer = queue
      self.warnings = []
      return
    }
    var warnings: [String] = []
    try FileManager.default.createDirectory(
      at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
    var kind = IndexFile.inspect(path)
    if kind == .absent {
      try Self.create(path)
      kind = IndexFile.inspect(path)
    }
    switch kind {
    case .absent: throw IndexError.refused(path: path, reason: "could not be created")
    case .refused(let reason): throw IndexError.refused(path: path, reason: reason)
    case .unmarked: try Self.checkUnmarked(path)
    case .marked: break
    }
    let identity = IndexFile.identity(path)
    let pool: DatabasePool
    do {
      pool = try Self.open(path, mark: kind == .unmarked)
    } catch where Self.isDamage(error) {
      // Only retro's own file is rebuilt; an unmarked one was checked to be retro's above,
      // but without the mark it is not removed.
      guard IndexFile.inspect(path) == .marked else {
        throw IndexError.refused(
          path: path, reason: "is an index an earlier retro made that cannot be used (\(Self.describe(error))); delete it and run again to rebuild it")
      }
      warnings.append("the index \(path) \(Self.damage(error)); rebuilding it")
      try Self.rebuild(path, replacing: identity)
      pool = try Self.open(path, mark: false)
    }
    self.writer = pool
    self.warnings = warnings
  }

  /// Opens the index, checks its structure and brings its schema up to date; `mark` writes
  /// retro's mark into an index an earlier retro made.
  private static func open(_ path: String, mark: Bool) throws -> DatabasePool {
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    configuration.foreignKeysEnabled = true
    let pool = try DatabasePool(path: path, configuration: configuration)
    do {
      try pool.read { db in
        // Every page's structure (a damaged page fails here, not in a later query). It reads
        // the whole file: about 90 ms for the index of 10,000 reports (60 MB).
        let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
        if problems != ["ok"] { throw IndexError.damaged(problems.prefix(2).joined(separator: "; ")) }
      }
      if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
        throw IndexError.newerVersion
      }
      try migrator.migrate(pool)
      if mark { try pool.write { db in try db.execute(sql: "PRAGMA application_id = \(IndexFile.applicationID)") } }
    } catch {
      try? pool.close()
      throw error
    }
    return pool
  }

  /// Whether opening failed because of the file itself (damaged pages, not a database after
  /// all, a newer retro's schema), which a rebuild mends; a busy or read-only file is not.
  private static func isDamage(_ error: Error) -> Bool {
    if let error = error as? DatabaseError {
      return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_FORMAT
    }
    if let error = error as? IndexError, case .refused = error { return false }
    return error is IndexError
  }

  /// What is wrong with a file `isDamage` accepts, in words, on one line.
  private static func damage(_ error: Error) -> String {
    switch error {
    case IndexError.newerVersion: return "was written by a newer retro"
    case IndexError.damaged: return "is damaged (SQLite's check found damaged pages)"
    default: return "is damaged (\(describe(error)))"
    }
  }

  /// An unmarked SQLite file is used only when its tables are retro's (an index an earlier
  /// retro made) or it is wholly empty: no table, view, index or trigger, and no
  /// `user_version` (another program's empty database with a view or a version of its own is
  /// that program's). It is read without being changed.
  private static func checkUnmarked(_ path: String) throws {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(30)
    let tables: [String]
    let objects: Int
    let userVersion: Int
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      (tables, objects, userVersion) = try queue.read { db in
        (
          try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"),
          try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0,
          try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        )
      }
    } catch {
      throw IndexError.refused(
        path: path, reason: "is an SQLite database without retro's mark that cannot be read (\(describe(error))); it is left as it is")
    }
    if tables.isEmpty, objects > 0 || userVersion != 0 {
      throw IndexError.refused(
        path: path,
        reason: "is another program's SQLite database (\(objects) schema objects, user_version \(userVersion), none of them retro's)")
    }
    guard tables.isEmpty || Set(["grdb_migrations", "report", "actionItem"]).isSubset(of: tables) else {
      throw IndexError.refused(path: path, reason: "is another program's SQLite database (tables: \(tables.prefix(3).joined(separator: ", ")))")
    }
  }

  /// Makes a new, empty, marked index at `path` unless another process has: in a temporary
  /// file beside it, then linked into place (a link never replaces a file).
  private static func create(_ path: String) throws {
    let lock = try IndexFileLock(index: path)
    defer { lock.release() }
    guard IndexFile.inspect(path) == .absent else { return }
    try makeFresh(path)
  }

  /// Replaces retro's damaged index with a new one, unless another process already has
  /// (the file is no longer the one found damaged).
  private static func rebuild(_ path: String, replacing identity: [UInt64]?) throws {
    let lock = try IndexFileLock(index: path)
    defer { lock.release() }
    if IndexFile.inspect(path) == .marked, IndexFile.identity(path) != identity { return }
    if IndexFile.inspect(path) != .absent { try IndexFile.remove(path) }
    try makeFresh(path)
  }

  /// Called with the lock held and nothing at `path`.
  private static func makeFresh(_ path: String) throws {
    IndexFile.removeStaleLog(path)
    let temporary = "\(path).new-\(getpid())-\(UUID().uuidString.prefix(8))"
    defer {
      for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
    }
    var configuration = Configuration()
    configuration.journalMode = .wal
    configuration.foreignKeysEnabled = true
    let queue = try DatabaseQueue(path: temporary, configuration: configuration)
    try queue.write { db in try db.execute(sql: "PRAGMA application_id = \(IndexFile.applicationID)") }
    try migrator.migrate(queue)
    // Closing the last connection writes the log into the file, mark and all.
    try queue.close()
    guard link(temporary, path) == 0 || errno == EEXIST else {
      throw IndexError.refused(path: path, reason: "could not be created (\(String(cString: strerror(errno))))")
    }
  }

  /// A database error in words (SQLite's message), for users.
  public static func describe(_ error: Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    return "\(error)"
  }

  /// The schema. A shipped migration is never edited: changes are new migrations.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "report") { t in
        t.primaryKey("path", .text)
        t.column("contentHash", .text).notNull()
        t.column("modifiedAt", .double).notNull()
        t.column("size", .integer).notNull()
        t.column("title", .text)
        t.column("incidentId", .text)
        t.column("date", .text)
        t.column("publishedDate", .text)
        t.column("severity", .text)
        t.column("status", .text)
        t.column("authors", .text).notNull()
        t.column("tags", .text).notNull()
        t.column("services", .text).notNull()
        t.column("startedAt", .text)
        t.column("timeToDetect", .double)
        t.column("timeToMitigate", .double)
        t.column("timeToResolve", .double)
        t.column("rootCauses", .text).notNull()
        t.column("indexedAt", .text).notNull()
      }
      try db.create(table: "actionItem") { t in
        t.column("reportPath", .text).notNull()
          .references("report", column: "path", onDelete: .cascade, onUpdate: .cascade)
        t.column("itemId", .text).notNull()
        t.column("explicitId", .boolean).notNull()
        t.column("text", .text).notNull()
        t.column("normalizedText", .text).notNull()
        t.column("owners", .text).notNull()
        t.column("due", .text)
        t.column("tickets", .text).notNull()
        t.column("priority", .text)
        t.column("type", .text)
        t.column("status", .text).notNull()
        t.column("groupName", .text)
        t.column("line", .integer).notNull()
        t.column("firstSeenAt", .text).notNull()
        t.column("openedAt", .text)
        t.column("closedAt", .text)
        t.primaryKey(["reportPath", "itemId"])
      }
      try db.create(index: "actionItem_status", on: "actionItem", columns: ["status"])
      try db.create(table: "itemHistory") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("reportPath", .text).notNull()
        t.column("itemId", .text).notNull()
        t.column("status", .text).notNull()
        t.column("seenAt", .text).notNull()
        t.column("source", .text).notNull()
      }
      try db.create(index: "itemHistory_item", on: "itemHistory", columns: ["reportPath", "itemId"])
    }
    // Tracker exports joined to items (`retro index --tracker`, `tracker:` in .retro.yml).
    migrator.registerMigration("v2-tracker") { db in
      try db.create(table: "ticket") { t in
        t.primaryKey("key", .text)
        t.column("repository", .text)
        t.column("number", .integer)
        t.column("url", .text)
        t.column("title", .text).notNull()
        t.column("state", .text).notNull()
        t.column("statusText", .text).notNull()
        t.column("closedOn", .text)
        t.column("assignees", .text).notNull()
        t.column("source", .text).notNull()
      }
      try db.alter(table: "actionItem") { t in
        t.add(column: "trackerKey", .text)
        t.add(column: "trackerState", .text)
        t.add(column: "trackerStatus", .text)
        t.add(column: "trackerClosedOn", .text)
      }
    }
    // Root-cause words worked out at index time, so `stats` only counts them.
    migrator.registerMigration("v3-root-cause-words") { db in
      try db.alter(table: "report") { t in t.add(column: "rootCauseWords", .text) }
    }
    // Covering indexes, so the commands a team lead runs warm never read the report rows
    // (their root-cause text makes the table the largest in the file) nor the items' text:
    // the freshness check reads paths, hashes and stats (and joins find a report's date
    // there); `stats` reads the report figures and the item figures; a partial index finds
    // the rows still missing root-cause words without a scan. The item index starts with the
    // status, so it replaces the index on the status alone.
    migrator.registerMigration("v4-covering-indexes") { db in
      try db.create(index: "report_freshness", on: "report", columns: ["path", "contentHash", "modifiedAt", "size", "date"])
      try db.drop(index: "actionItem_status")
      try db.create(
        index: "actionItem_figures", on: "actionItem",
        columns: ["status", "trackerState", "due", "owners", "reportPath", "line", "firstSeenAt", "closedAt", "trackerClosedOn"])
      try db.create(
        index: "report_figures", on: "report",
        columns: [
          "date", "path", "severity", "status", "tags", "services", "timeToDetect", "timeToMitigate", "timeToResolve",
          "title", "rootCauseWords",
        ])
      try db.execute(sql: "CREATE INDEX report_wordsMissing ON report(path) WHERE rootCauseWords IS NULL")
    }
    // How many reports name each root-cause word, kept by triggers as reports come, change and
    // go, so `stats` reads its top ten words instead of counting every report's words.
    migrator.registerMigration("v5-root-cause-word-counts") { db in
      try db.execute(
        sql: """
          CREATE TABLE rootCauseWord (word TEXT PRIMARY KEY NOT NULL, reports INTEGER NOT NULL) WITHOUT ROWID;
          INSERT INTO rootCauseWord (word, reports)
            SELECT value, count(*) FROM report, json_each(report.rootCauseWords) WHERE report.rootCauseWords IS NOT NULL
            GROUP BY value;
          CREATE TRIGGER report_rootCauseWords_insert AFTER INSERT ON report WHEN NEW.rootCauseWords IS NOT NULL BEGIN
            INSERT INTO rootCauseWord (word, reports) SELECT value, 1 FROM json_each(NEW.rootCauseWords) WHERE true
              ON CONFLICT (word) DO UPDATE SET reports = reports + 1;
          END;
          CREATE TRIGGER report_rootCauseWords_delete AFTER DELETE ON report WHEN OLD.rootCauseWords IS NOT NULL BEGIN
            UPDATE rootCauseWord SET reports = reports - 1 WHERE word IN (SELECT value FROM json_each(OLD.rootCauseWords));
            DELETE FROM rootCauseWord WHERE reports <= 0 AND word IN (SELECT value FROM json_each(OLD.rootCauseWords));
          END;
          CREATE TRIGGER report_rootCauseWords_update AFTER UPDATE OF rootCauseWords ON report
          WHEN OLD.rootCauseWords IS NOT NEW.rootCauseWords BEGIN
            UPDATE rootCauseWord SET reports = reports - 1
              WHERE OLD.rootCauseWords IS NOT NULL AND word IN (SELECT value FROM json_each(OLD.rootCauseWords));
            DELETE FROM rootCauseWord
              WHERE reports <= 0 AND OLD.rootCauseWords IS NOT NULL AND word IN (SELECT value FROM json_each(OLD.rootCauseWords));
            INSERT INTO rootCauseWord (word, reports) SELECT value, 1 FROM json_each(NEW.rootCauseWords)
              WHERE NEW.rootCauseWords IS NOT NULL
              ON CONFLICT (word) DO UPDATE SET reports = reports + 1;
          END;
          """)
    }
    // The date of the incident an item belongs to when a heading above it names one (a log
    // of incidents): copies of one incident's items are not recurrences. Every report is read
    // again on the next run to fill it.
    migrator.registerMigration("v6-item-incident-date") { db in
      try db.execute(sql: "ALTER TABLE actionItem ADD COLUMN incidentDate TEXT")
      try db.execute(sql: "UPDATE report SET contentHash = '', modifiedAt = 0")
    }
    return migrator
  }
}

/// Why an index file was not usable.
public enum IndexError: Error, CustomStringConvertible {
  /// The path is not an index retro made (or cannot become one): nothing there is touched.
  case refused(path: String, reason: String)
  /// `PRAGMA quick_check` found damaged pages.
  case damaged(String)
  case newerVersion

  public var description: String {
    switch self {
    case .refused(_, let reason): return reason
    case .damaged(let problems): return "damaged pages: \(problems)"
    case .newerVersion: return "a newer retro wrote it"
    }
  }
}
