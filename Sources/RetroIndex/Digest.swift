import RetroCore

/// The weekly digest: per owner, their overdue items, items due soon and items closed
/// recently; then the items nobody owns. Deterministic for a given as-of date.
public struct Digest: Sendable, Equatable, Codable {
  public struct OwnerSection: Sendable, Equatable, Codable {
    public var owner: String
    public var overdue: [ActionItemRow]
    public var dueSoon: [ActionItemRow]
    public var closed: [ActionItemRow]
    /// Open items from incidents after `since` (only when the digest has a `since`).
    public var opened: [ActionItemRow]?
  }

  public var asOf: String
  public var days: Int
  /// With `--since`: the day changes are counted from (closed after it, new after it).
  public var since: String?
  public var owners: [OwnerSection]
  public var unowned: [ActionItemRow]
  public var openCount: Int
  public var overdueCount: Int
  /// Reports past the deadline `policies:` sets to be final, the latest first.
  public var lateReports: [PolicyDueDates.LateReport] = []

  /// The digest as the JSON encoder writes it (keys sorted, nil left out), by hand.
  public func write(to json: inout PrettyJSONWriter) {
    json.beginObject()
    json.field("asOf", asOf)
    json.field("days", days)
    json.key("lateReports")
    json.beginArray()
    for late in lateReports {
      json.element()
      json.beginObject()
      json.field("date", late.date)
      json.field("daysLate", late.daysLate)
      json.field("deadline", late.deadline)
      json.field("path", late.path)
      json.field("reason", late.reason)
      json.field("severity", late.severity)
      json.field("status", late.status)
      json.field("title", late.title)
      json.endObject()
    }
    json.endArray()
    json.field("openCount", openCount)
    json.field("overdueCount", overdueCount)
    json.key("owners")
    json.beginArray()
    for section in owners {
      json.element()
      json.beginObject()
      json.key("closed")
      ActionItemRow.write(section.closed, to: &json)
      json.key("dueSoon")
      ActionItemRow.write(section.dueSoon, to: &json)
      if let opened = section.opened {
        json.key("opened")
        ActionItemRow.write(opened, to: &json)
      }
      json.key("overdue")
      ActionItemRow.write(section.overdue, to: &json)
      json.field("owner", section.owner)
      json.endObject()
    }
    json.endArray()
    json.field("since", since)
    json.key("unowned")
    ActionItemRow.write(unowned, to: &json)
    json.endObject()
  }

  /// Builds the digest from every item (open and done) at `asOf`, looking `days` ahead for
  /// due dates and back for closures. With `since`, closures are counted after that day
  /// instead, and each owner's items from incidents after it are listed as new.
  public static func build(_ rows: [ActionItemRow], asOf: CalendarDate, days: Int, since: CalendarDate? = nil) -> Digest {
    let horizon = asOf.adding(days: days)
    let windowStart = since ?? asOf.adding(days: -days)
    var byOwner: [String: OwnerSection] = [:]
    func section(_ owner: String) -> OwnerSection {
      OwnerSection(owner: owner, overdue: [], dueSoon: [], closed: [], opened: since == nil ? nil : [])
    }
    /// The day an item appeared: its incident's date, else the day the index first saw it.
    func appeared(_ row: ActionItemRow) -> CalendarDate? {
      row.reportDate.flatMap { CalendarDate(iso: $0) } ?? CalendarDate(iso: row.firstSeenAt.prefix(10))
    }
    // Sections are changed where they lie in the dictionary: a copy taken out and put back
    // copied its lists on every append.
    for row in rows {
      for owner in row.owners {
        if let since, row.status == "open", let day = appeared(row), day > since, day <= asOf {
          // A new item is listed once, as new (its due date shows there).
          byOwner[owner, default: section(owner)].opened?.append(row)
          continue
        }
        if row.status == "open" {
          if row.daysOverdue != nil {
            byOwner[owner, default: section(owner)].overdue.append(row)
          } else if let due = row.due.flatMap({ CalendarDate(iso: $0) }), due >= asOf, due <= horizon {
            byOwner[owner, default: section(owner)].dueSoon.append(row)
          }
        } else if let closed = row.closedAt.flatMap({ CalendarDate(iso: $0.prefix(10)) }), closed > windowStart, closed <= asOf {
          byOwner[owner, default: section(owner)].closed.append(row)
        }
      }
    }
    let owners = byOwner.values.map { entry -> OwnerSection in
      var sorted = entry
      sorted.overdue.sort { ($0.daysOverdue ?? 0, $1.path) > ($1.daysOverdue ?? 0, $0.path) }
      sorted.dueSoon.sort { ($0.due ?? "", $0.path, $0.line) < ($1.due ?? "", $1.path, $1.line) }
      sorted.closed.sort { ($0.closedAt ?? "", $0.path) > ($1.closedAt ?? "", $1.path) }
      sorted.opened?.sort { ($0.reportDate ?? "", $0.path, $0.line) > ($1.reportDate ?? "", $1.path, $1.line) }
      return sorted
    }.sorted { ($0.overdue.count, $1.owner.lowercased()) > ($1.overdue.count, $0.owner.lowercased()) }
    let unowned = rows.filter { $0.status == "open" && $0.owners.isEmpty }
      .sorted { ($0.ageDays ?? 0, $1.path, $1.line) > ($1.ageDays ?? 0, $0.path, $0.line) }
    let open = rows.filter { $0.status == "open" }
    return Digest(
      asOf: asOf.description, days: days, since: since?.description, owners: owners, unowned: unowned, openCount: open.count,
      overdueCount: open.filter { $0.daysOverdue != nil }.count)
  }
}
