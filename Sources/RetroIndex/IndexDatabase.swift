import Foundation
import GRDB
import RetroCore

/// The SQLite index: a plain file other SQLite tools can read (docs/INDEX.md describes it).
///
/// It is derived data. A file that is not an SQLite database, or one made by another program
/// or a newer retro, is moved aside and rebuilt, with a warning. WAL and a busy timeout let
/// two retro processes index at once.
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
    let pool: DatabasePool
    do {
      pool = try Self.open(path)
    } catch {
      warnings.append("the index \(path) could not be used (\(Self.describe(error))); rebuilding it")
      try Self.discard(path)
      pool = try Self.open(path)
    }
    self.writer = pool
    self.warnings = warnings
  }

  private static func open(_ path: String) throws -> DatabasePool {
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    configuration.foreignKeysEnabled = true
    let pool = try DatabasePool(path: path, configuration: configuration)
    try pool.read { db in
      // Force a read of the file header: a corrupt file fails here.
      _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      if !tables.isEmpty, !tables.contains("grdb_migrations") {
        throw IndexError.foreign(tables: tables)
      }
    }
    if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
      throw IndexError.newerVersion
    }
    try migrator.migrate(pool)
    return pool
  }

  private static func discard(_ path: String) throws {
    for suffix in ["", "-wal", "-shm"] {
      let file = path + suffix
      if FileManager.default.fileExists(atPath: file) { try FileManager.default.removeItem(atPath: file) }
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
    return migrator
  }
}

/// Why an index file was not usable.
enum IndexError: Error, CustomStringConvertible {
  case foreign(tables: [String])
  case newerVersion

  var description: String {
    switch self {
    case .foreign(let tables): return "it is another program's database (tables: \(tables.prefix(3).joined(separator: ", ")))"
    case .newerVersion: return "a newer retro wrote it"
    }
  }
}
