/// What a rule can do about one of its findings by itself: edits that are mechanical and
/// safe (a skeleton for a missing section, an id for an item), never a rewrite of prose.
public struct Fix: Sendable, Equatable, Hashable {
  /// What the fix does, as an editor's quick-fix menu shows it ("Add a Root causes section").
  public var title: String
  public var edits: [TextEdit]

  public init(_ title: String, edits: [TextEdit]) {
    self.title = title
    self.edits = edits
  }

  public func conflicts(with other: Fix) -> Bool {
    edits.contains { edit in other.edits.contains { edit.conflicts(with: $0) } }
  }
}
