import RetroCore

/// Gives open items with no due date of their own the one their report's follow-up policy
/// sets (`policies:`), before rows are filtered, sorted, listed or counted, so `--overdue`,
/// the digest, the stats and the site all see them. The row says which came from a policy
/// (`duePolicy`).
public enum PolicyDueDates {
  public static func apply(_ policies: FollowUpPolicies, to rows: inout [ActionItemRow], asOf: CalendarDate) {
    guard !policies.isEmpty else { return }
    for index in rows.indices where rows[index].status == "open" && rows[index].due == nil {
      let row = rows[index]
      // From the item's own incident (a heading's date in a log of incidents), else the report's.
      let incident = (row.incidentDate ?? row.reportDate).flatMap { CalendarDate(iso: $0) }
      guard let (due, reason) = policies.itemDue(reportDate: incident, severity: row.severity)
      else { continue }
      rows[index].due = due.description
      rows[index].duePolicy = reason
      rows[index].daysOverdue = due < asOf ? due.days(to: asOf) : nil
    }
  }

  /// A report past its policy's deadline to be final.
  public struct LateReport: Sendable, Equatable, Codable {
    public var path: String
    public var title: String?
    public var date: String
    public var severity: String?
    public var status: String?
    public var deadline: String
    public var daysLate: Int
    public var reason: String
  }

  /// The reports not final on `asOf` though their policy's deadline has passed, the latest
  /// first.
  public static func lateReports(_ reports: [ReportRecord], policies: FollowUpPolicies, asOf: CalendarDate) -> [LateReport] {
    guard !policies.isEmpty else { return [] }
    var late: [LateReport] = []
    for report in reports where !FollowUpPolicies.isFinal(report.status) {
      guard let date = report.date.flatMap({ CalendarDate(iso: $0) }),
        let (deadline, reason) = policies.finalDeadline(reportDate: date, severity: report.severity), deadline < asOf
      else { continue }
      late.append(
        LateReport(
          path: report.path, title: report.title, date: date.description, severity: report.severity, status: report.status,
          deadline: deadline.description, daysLate: deadline.days(to: asOf), reason: reason))
    }
    return late.sorted { ($0.daysLate, $0.path) > ($1.daysLate, $1.path) }
  }
}
