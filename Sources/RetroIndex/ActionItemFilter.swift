import RetroCore

/// Which action items `retro actions` shows, and in what order.
public struct ActionItemFilter: Sendable {
  public enum Status: String, Sendable, CaseIterable { case open, done, all }
  public enum Sort: String, Sendable, CaseIterable { case due, age, owner, severity }

  public var status: Status = .open
  public var owner: String?
  /// Only items nobody owns.
  public var unowned = false
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
    if unowned, !row.owners.isEmpty { return false }
    if overdue, row.daysOverdue == nil { return false }
    if let team, row.team?.lowercased() != team.lowercased() { return false }
    if let dueBefore {
      guard let due = row.due.flatMap({ CalendarDate(iso: $0) }), due < dueBefore else { return false }
    }
    if let severity, row.severity.map(SeverityName.key) != SeverityName.key(severity) { return false }
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
    var rows = rows
    sort(&rows)
    return rows
  }

  /// Sorts rows in place, as `sorted` does.
  public func sort(_ rows: inout [ActionItemRow]) {
    // Keys are computed once per row and the indices sorted: comparing whole rows copies
    // (and retains) every string in them on each comparison. Each string key is replaced by
    // its rank among the distinct values (equal strings share one), so the sort compares
    // integers. The rows are then moved into that order by swaps, with no copy of a row.
    let primary = Self.ranks(
      rows.map { row in
        switch sort {
        case .due: return row.due ?? "9999"
        case .owner: return row.owners.first?.lowercased() ?? "\u{10FFFF}"
        case .age, .severity: return ""
        }
      })
    let dates = Self.ranks(rows.map { $0.reportDate ?? "" })
    let paths = Self.ranks(rows.map(\.path))
    let numbers = rows.map { row -> Int in
      switch sort {
      case .age: return -(row.ageDays ?? -1)
      case .severity: return Self.severityRank(row.severity)
      case .due, .owner: return 0
      }
    }
    let lines = rows.map(\.line)
    let order = rows.indices.sorted { a, b in
      (primary[a], numbers[a], dates[a], paths[a], lines[a]) < (primary[b], numbers[b], dates[b], paths[b], lines[b])
    }
    // Cycle by cycle: the row that belongs at `current` is at `order[current]`.
    var placed = [Bool](repeating: false, count: rows.count)
    for start in rows.indices where !placed[start] {
      var current = start
      while true {
        placed[current] = true
        let next = order[current]
        if next == start { break }
        rows.swapAt(current, next)
        current = next
      }
    }
  }

  /// Each value's rank among the distinct values by `<`; equal values share a rank. Runs of
  /// one value (a report's rows come together) cost one comparison each.
  static func ranks(_ values: [String]) -> [Int] {
    var ids: [String: Int] = [:]
    var distinct: [String] = []
    var result: [Int] = []
    result.reserveCapacity(values.count)
    var last: (value: String, id: Int)?
    for value in values {
      if let last, last.value == value {
        result.append(last.id)
        continue
      }
      let id: Int
      if let known = ids[value] {
        id = known
      } else {
        id = distinct.count
        ids[value] = id
        distinct.append(value)
      }
      result.append(id)
      last = (value, id)
    }
    var rank = [Int](repeating: 0, count: distinct.count)
    for (position, id) in distinct.indices.sorted(by: { distinct[$0] < distinct[$1] }).enumerated() { rank[id] = position }
    for index in result.indices { result[index] = rank[result[index]] }
    return result
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
