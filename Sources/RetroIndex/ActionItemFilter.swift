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
    func tie(_ a: ActionItemRow, _ b: ActionItemRow) -> Bool {
      (a.reportDate ?? "", a.path, a.line) < (b.reportDate ?? "", b.path, b.line)
    }
    return rows.sorted { a, b in
      switch sort {
      case .due:
        if a.due != b.due { return (a.due ?? "9999") < (b.due ?? "9999") }
      case .age:
        if a.ageDays != b.ageDays { return (a.ageDays ?? -1) > (b.ageDays ?? -1) }
      case .owner:
        let x = a.owners.first?.lowercased() ?? "\u{10FFFF}"
        let y = b.owners.first?.lowercased() ?? "\u{10FFFF}"
        if x != y { return x < y }
      case .severity:
        let x = Self.severityRank(a.severity)
        let y = Self.severityRank(b.severity)
        if x != y { return x < y }
      }
      return tie(a, b)
    }
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
