import RetroCore

/// The weekly digest: per owner, their overdue items, items due soon and items closed
/// recently; then the items nobody owns. Deterministic for a given as-of date.
public struct Digest: Sendable, Equatable, Codable {
  public struct OwnerSection: Sendable, Equatable, Codable {
    public var owner: String
    public var overdue: [ActionItemRow]
    public var dueSoon: [ActionItemRow]
    public var closed: [ActionItemRow]
  }

  public var asOf: String
  public var days: Int
  public var owners: [OwnerSection]
  public var unowned: [ActionItemRow]
  public var openCount: Int
  public var overdueCount: Int

  /// Builds the digest from every item (open and done) at `asOf`, looking `days` ahead for
  /// due dates and back for closures.
  public static func build(_ rows: [ActionItemRow], asOf: CalendarDate, days: Int) -> Digest {
    let horizon = (0..<days).reduce(asOf) { day, _ in day.next }
    let windowStart = asOf.adding(days: -days)
    var byOwner: [String: OwnerSection] = [:]
    func section(_ owner: String) -> OwnerSection {
      byOwner[owner] ?? OwnerSection(owner: owner, overdue: [], dueSoon: [], closed: [])
    }
    for row in rows {
      for owner in row.owners {
        var entry = section(owner)
        if row.status == "open" {
          if row.daysOverdue != nil {
            entry.overdue.append(row)
          } else if let due = row.due.flatMap({ CalendarDate(iso: $0) }), due >= asOf, due <= horizon {
            entry.dueSoon.append(row)
          } else {
            continue
          }
        } else if let closed = row.closedAt.flatMap({ CalendarDate(iso: $0.prefix(10)) }), closed > windowStart, closed <= asOf {
          entry.closed.append(row)
        } else {
          continue
        }
        byOwner[owner] = entry
      }
    }
    let owners = byOwner.values.map { entry -> OwnerSection in
      var sorted = entry
      sorted.overdue.sort { ($0.daysOverdue ?? 0, $1.path) > ($1.daysOverdue ?? 0, $0.path) }
      sorted.dueSoon.sort { ($0.due ?? "", $0.path, $0.line) < ($1.due ?? "", $1.path, $1.line) }
      sorted.closed.sort { ($0.closedAt ?? "", $0.path) > ($1.closedAt ?? "", $1.path) }
      return sorted
    }.sorted { ($0.overdue.count, $1.owner.lowercased()) > ($1.overdue.count, $0.owner.lowercased()) }
    let unowned = rows.filter { $0.status == "open" && $0.owners.isEmpty }
      .sorted { ($0.ageDays ?? 0, $1.path, $1.line) > ($1.ageDays ?? 0, $0.path, $0.line) }
    let open = rows.filter { $0.status == "open" }
    return Digest(
      asOf: asOf.description, days: days, owners: owners, unowned: unowned, openCount: open.count,
      overdueCount: open.filter { $0.daysOverdue != nil }.count)
  }
}
