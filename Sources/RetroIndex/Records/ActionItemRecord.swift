/// One action item as last read, with when it was first seen open and first seen done.
public struct ActionItemRecord: Codable, Sendable, Equatable {
  public var reportPath: String
  public var itemId: String
  public var explicitId: Bool
  public var text: String
  /// Lowercase words, for matching an item across edits and renames.
  public var normalizedText: String
  public var owners: [String]
  /// YYYY-MM-DD.
  public var due: String?
  public var tickets: [String]
  public var priority: String?
  public var type: String?
  /// `open` or `done`.
  public var status: String
  public var groupName: String?
  public var line: Int
  /// ISO 8601 instants.
  public var firstSeenAt: String
  public var openedAt: String?
  public var closedAt: String?
  /// The date a heading above the item names (`### Incident on 2023-08-04`), when one does.
  public var incidentDate: String? = nil

  public static let databaseTableName = "actionItem"
}
