/// A status an item was seen with, and when: from indexing runs, or from the git commit
/// that made the change (`--git-history`).
public struct ItemHistoryRecord: Codable, Sendable, Equatable {
  public var id: Int64?
  public var reportPath: String
  public var itemId: String
  public var status: String
  /// ISO 8601 instant.
  public var seenAt: String
  /// `index`, or the commit hash.
  public var source: String

  public static let databaseTableName = "itemHistory"
}
