import RetroCore

/// What a rule can do about one of its findings by itself: edits that are mechanical and
/// safe (a skeleton for a missing section, an id for an item), never a rewrite of prose.
public struct Fix: Sendable, Equatable, Hashable {
  /// What the fix does, as an editor's quick-fix menu shows it ("Add a Root causes section").
  public var title: String
  public var edits: [TextEdit]
  /// The action items, by line, whose status the fix means to change (ticking a box the
  /// tracker closed): the one change to what a report says a fix may make, and only there.
  public var statusChanges: [Int: ActionItemStatus]

  public init(_ title: String, edits: [TextEdit], statusChanges: [Int: ActionItemStatus] = [:]) {
    self.title = title
    self.edits = edits
    self.statusChanges = statusChanges
  }

  public func conflicts(with other: Fix) -> Bool {
    edits.contains { edit in other.edits.contains { edit.conflicts(with: $0) } }
  }
}
