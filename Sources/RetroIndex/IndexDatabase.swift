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
