import RetroCore

/// Which action items `retro actions` shows, and in what order.
public struct ActionItemFilter: Sendable {
  public enum Status: String, Sendable, CaseIterable { case open, done, all }
  public enum Sort: String, Sendable, CaseIterable { case due, age, owner, severity }

  public var status: Status = .open
  public var owner: String?
  public var overdue = false
  public var dueBefore: CalendarDate?
  public var severity: String?
  public var tag: String?
  public var service: String?
  /// Reports of incidents on or after this date.
  public var since: CalendarDate?
  /// A substring of the report's path or title.
  public var report: String?
  /// The team (root folder) the report lies under.
  public var team: String?
  public var sort: Sort = .due

  public init() {}

  public func matches(_ row: ActionItemRow) -> Bool {
    switch status {
    case .open where row.status != "open", .done where row.status != "done": return false
    default: break
    }
    if let owner {
      let wanted = owner.lowercased().trimmingCharacters(in: ["@"])
      guard row.owners.contains(where: { $0.lowercased().trimmingCharacters(in: ["@"]).contains(wanted) }) else { return false }
    }
    if overdue, row.daysOverdue == nil { return false }
    if let team, row.team?.lowercased() != team.lowercased() { return false }
    if let dueBefore {
      guard let due = row.due.flatMap({ CalendarDate(iso: $0) }), due < dueBefore else { return false }
    }
    if let severity, row.severity?.lowercased() != severity.lowercased() { return false }
    if let tag, !row.tags.contains(where: { $0.lowercased() == tag.lowercased() }) { return false }
    if let service, !row.services.contains(where: { $0.lowercased() == service.lowercased() }) { return false }
    if let since {
      guard let date = row.reportDate.flatMap({ CalendarDate(iso: $0) }), date >= since else { return false }
    }
    if let report {
      let needle = report.lowercased()
      guard row.path.lowercased().contains(needle) || (row.reportTitle?.lowercased().contains(needle) ?? false) else {
        return false
      }
    }
    return true
  }

  /// Sorts rows; items with nothing to sort by (no due date, no owner) come last, so they are
  /// shown but do not hide the rest. Ties go by report date, path and line for stable output.
  public func sorted(_ rows: [ActionItemRow]) -> [ActionItemRow] {
    // Keys are computed once per row and the indices sorted: comparing whole rows copies
    // (and retains) every string in them on each comparison.
    struct Key {
      var primary: String
      var number: Int
      var date: String
      var path: String
      var line: Int
    }
    let keys = rows.map { row -> Key in
      var key = Key(primary: "", number: 0, date: row.reportDate ?? "", path: row.path, line: row.line)
      switch sort {
      case .due: key.primary = row.due ?? "9999"
      case .age: key.number = -(row.ageDays ?? -1)
      case .owner: key.primary = row.owners.first?.lowercased() ?? "\u{10FFFF}"
      case .severity: key.number = Self.severityRank(row.severity)
      }
      return key
    }
    let order = keys.indices.sorted { a, b in
      let x = keys[a], y = keys[b]
      if x.primary != y.primary { return x.primary < y.primary }
      if x.number != y.number { return x.number < y.number }
      return (x.date, x.path, x.line) < (y.date, y.path, y.line)
    }
    return order.map { rows[$0] }
  }

  /// SEV1 before SEV2, critical before high; unknown last.
  static func severityRank(_ severity: String?) -> Int {
    guard let severity = severity?.lowercased() else { return 100 }
    if let digit = severity.first(where: \.isNumber)?.wholeNumberValue { return digit }
    switch severity {
    case "critical", "blocker": return 1
    case "high", "major": return 2
    case "medium", "moderate": return 3
    case "low", "minor": return 4
    default: return 50
    }
  }
}
