import RetroCore

/// The promise `--fix` keeps: the fixed report reads as the same model plus what the fixes
/// added. Every fix is checked by parsing the result; one that would change what the
/// report already said (an item's status, a timeline entry, a metadata value) is refused.
enum FixVerification {
  /// Why `after` is not `before` plus additions, or nil when it is.
  static func problem(before: IncidentReport, after: IncidentReport, statusChanges: [Int: ActionItemStatus] = [:]) -> String? {
    let scalars: [(String, String?, String?)] = [
      ("title", before.title, after.title), ("id", before.id, after.id),
      ("date", before.date?.description, after.date?.description),
      ("severity", before.severity, after.severity), ("status", before.status, after.status),
    ]
    for (name, old, new) in scalars where old != nil && old != new {
      return "it would change the \(name)"
    }
    let lists: [(String, [String], [String])] = [
      ("authors", before.authors, after.authors), ("services", before.services, after.services),
      ("tags", before.tags, after.tags),
    ]
    for (name, old, new) in lists where !old.isEmpty && old != new {
      return "it would change the \(name)"
    }
    if !isSubsequence(before.sections.map(\.kind), of: after.sections.map(\.kind)) {
      return "it would change how the sections read"
    }
    guard before.timeline.count == after.timeline.count else { return "it would change the timeline" }
    for (old, new) in zip(before.timeline, after.timeline) where old.timeText != new.timeText || old.text != new.text {
      return "it would change the timeline entry on line \(old.line)"
    }
    guard before.actionItems.count == after.actionItems.count else { return "it would change the action items" }
    for (old, new) in zip(before.actionItems, after.actionItems) {
      let status = statusChanges[old.line] ?? old.status
      if old.text != new.text || old.owners != new.owners || new.status != status || old.due != new.due
        || old.tickets != new.tickets || old.priority != new.priority || (old.explicitId && old.id != new.id)
      {
        return "it would change the action item on line \(old.line)"
      }
    }
    return nil
  }

  /// A section retro did not know (`## Impcat`) may come to read as one it knows: the
  /// rename `missing_section` offers for a near-miss heading.
  private static func isSubsequence(_ small: [SectionKind], of large: [SectionKind]) -> Bool {
    var iterator = large.makeIterator()
    return small.allSatisfy { wanted in
      while let next = iterator.next() { if next == wanted || wanted == .custom { return true } }
      return false
    }
  }
}
