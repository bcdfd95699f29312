import Mustache
import RetroIndex

/// One open item on the site's dashboard, as its template sees it: `text`, `ticket`, `due`,
/// `duePolicy` (why, when a follow-up policy set the date), `overdue`, `daysOverdue`, `age`,
/// `reportTitle`, `href` and `root`. A struct answering by
/// name rather than a dictionary a row: a dashboard of tens of thousands of items held a
/// dictionary of boxed values for each, the largest part of the site's memory peak.
struct DashboardItem: MustacheParent {
  let row: ActionItemRow
  let href: String

  init(_ row: ActionItemRow, href: String) {
    self.row = row
    self.href = href
  }

  func child(named name: String) -> Any? {
    switch name {
    case "text": return row.text
    case "ticket": return row.tickets.first ?? ""
    case "due": return row.due ?? "—"
    // Nil, not "": an empty string is a true section in Mustache.
    case "duePolicy": return row.duePolicy
    case "overdue": return row.daysOverdue != nil
    case "daysOverdue": return row.daysOverdue ?? 0
    case "age": return row.ageDays.map { "\($0) days" } ?? "—"
    case "reportTitle": return row.reportTitle ?? row.path
    case "href": return href
    case "root": return ""
    default: return nil
    }
  }
}
