import Foundation
import GRDB
import GRDBSQLite

/// Reads the current row of a statement GRDB is stepping straight from SQLite, for the one
/// loop where decoding each column through `Row` was most of a listing's cost
/// (`IndexReader.actionItems`, tens of thousands of rows). Valid only until the next step.
struct ColumnReader {
  let statement: OpaquePointer

  init(_ statement: Statement) {
    self.statement = statement.sqliteStatement
  }

  func isNull(_ column: Int32) -> Bool {
    sqlite3_column_type(statement, column) == SQLITE_NULL
  }

  func int(_ column: Int32) -> Int {
    Int(sqlite3_column_int64(statement, column))
  }

  /// The column's text; "" for NULL.
  func text(_ column: Int32) -> String {
    withBytes(column) { String(decoding: $0, as: UTF8.self) }
  }

  func optionalText(_ column: Int32) -> String? {
    isNull(column) ? nil : text(column)
  }

  /// Whether the column holds exactly `text`'s bytes, without making a string of it.
  func holds(_ column: Int32, _ text: String) -> Bool {
    var text = text
    return withBytes(column) { bytes in
      text.withUTF8 { own in
        own.count == bytes.count && (own.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0)
      }
    }
  }

  func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    guard let pointer = sqlite3_column_text(statement, column) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    return body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column))))
  }
}
