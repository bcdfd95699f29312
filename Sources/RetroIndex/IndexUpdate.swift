/// What one indexing run did.
public struct IndexUpdate: Sendable, Equatable {
  public var scanned = 0
  public var parsed = 0
  public var unchanged = 0
  public var removed = 0
  public var renamed = 0
  public var statusChanges = 0
  /// Files that could not be read, with why (`path:line: error: ...`).
  public var problems: [String] = []

  public init() {}
}
