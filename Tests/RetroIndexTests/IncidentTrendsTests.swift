import Testing
@testable import RetroCore
@testable import RetroIndex

@Suite("Incident trends")
struct IncidentTrendsTests {
  static func report(_ path: String, date: String?, severity: String? = "SEV2", services: [String] = [], rootCauses: String = "", resolve: Double? = nil) -> ReportRecord {
    ReportRecord(
      path: path, contentHash: "", modifiedAt: 0, size: 0, title: path, incidentId: nil, date: date, publishedDate: nil,
      severity: severity, status: "final", authors: [], tags: [], services: services, startedAt: nil, timeToDetect: nil,
      timeToMitigate: nil, timeToResolve: resolve, rootCauses: rootCauses, indexedAt: "")
  }

  @Test("every period from the first incident to the as-of day, empty ones included; durations per period")
  func emptyPeriods() {
    let reports = [
      Self.report("a.md", date: "2024-01-10", services: ["billing"], resolve: 3600),
      Self.report("b.md", date: "2024-04-02", services: ["Billing", "search"], resolve: 7200),
      Self.report("c.md", date: nil),
    ]
    let months = IncidentTrends.compute(reports: reports, items: [], period: .month, asOf: CalendarDate(iso: "2024-05-20")!)
    #expect(months.rows.map(\.period) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"])
    #expect(months.rows.map(\.incidents) == [1, 0, 0, 1, 0])
    #expect(months.rows[3].timeToResolve.median == 7200)
    #expect(months.rows[1].timeToResolve.count == 0)
    #expect(months.undated == 1)
    #expect(months.byService.first?.key == "billing" && months.byService.first?.counts == [1, 0, 0, 1, 0])
    let quarters = IncidentTrends.compute(reports: reports, items: [], period: .quarter, asOf: CalendarDate(iso: "2024-05-20")!)
    #expect(quarters.rows.map(\.period) == ["2024-Q1", "2024-Q2"])
    let years = IncidentTrends.compute(reports: reports, items: [], period: .year, asOf: CalendarDate(iso: "2026-01-01")!)
    #expect(years.rows.map(\.period) == ["2024", "2025", "2026"])
  }

  @Test("action items opened, closed and open at each period's end, with their median age")
  func items() {
    func row(_ reportDate: String, status: String, closedAt: String? = nil) -> ActionItemRow {
      var row = RecurringItemsTests.row("x", path: "a.md", line: 1)
      row.reportDate = reportDate
      row.status = status
      row.closedAt = closedAt
      return row
    }
    let items = [row("2024-01-10", status: "open"), row("2024-01-10", status: "done", closedAt: "2024-02-05T10:00:00Z")]
    let trends = IncidentTrends.compute(
      reports: [Self.report("a.md", date: "2024-01-10")], items: items, period: .month, asOf: CalendarDate(iso: "2024-02-20")!)
    #expect(trends.rows.map(\.itemsOpened) == [2, 0])
    #expect(trends.rows.map(\.itemsClosed) == [0, 1])
    #expect(trends.rows.map(\.openAtEnd) == [2, 1])
    #expect(trends.rows[1].medianOpenAgeDays == 41, "the month under way ends on the as-of day")
  }

  @Test("causes are grouped into categories by whole words; a team's categories add to them")
  func causes() throws {
    let reports = [
      Self.report("a.md", date: "2024-01-10", rootCauses: "A config push changed the resolver zone."),
      Self.report("b.md", date: "2024-01-11", rootCauses: "The TLS certificate expired."),
      Self.report("c.md", date: "2024-01-12", rootCauses: "We are certain nothing matched here."),
      Self.report("d.md", date: "2024-01-13"),
      Self.report("e.md", date: "2024-01-14", rootCauses: "A noisy neighbour on the host."),
    ]
    let plain = IncidentTrends.compute(reports: reports, items: [], period: .month, asOf: CalendarDate(iso: "2024-01-31")!)
    #expect(Set(plain.causes.map(\.key)) == ["deploy or config change", "DNS", "certificate or expiry"])
    #expect(plain.uncategorised == 2 && plain.noRootCause == 1, "'certain' is not 'cert'")
    let file = try ConfigurationFile.parse("causeCategories:\n  capacity: [noisy neighbour]\n  hosts: [host]\n", path: ".retro.yml")
    let custom = IncidentTrends.compute(
      reports: reports, items: [], period: .month, asOf: CalendarDate(iso: "2024-01-31")!, categories: try CauseCategories.from(file))
    #expect(custom.causes.contains { $0.key == "capacity" && $0.count == 1 })
    #expect(custom.causes.contains { $0.key == "hosts" && $0.count == 1 })
    #expect(custom.uncategorised == 1)
  }

  @Test("the last year a date can have ends the periods instead of crashing")
  func lastYear() {
    let trends = IncidentTrends.compute(
      reports: [Self.report("a.md", date: "9998-06-01")], items: [], period: .year, asOf: CalendarDate(iso: "9999-06-01")!)
    #expect(trends.rows.map(\.period) == ["9998", "9999"])
  }

  @Test("a policy's due date counts from the item's own incident in a log of incidents")
  func policyFromIncident() {
    var row = RecurringItemsTests.row("Rotate the keys", path: "log.md", line: 9)
    row.reportDate = "2023-01-02"
    row.incidentDate = "2023-08-04"
    row.severity = "SEV1"
    var rows = [row]
    PolicyDueDates.apply(FollowUpPolicies([.init(severity: "SEV1", itemsDueDays: 14)]), to: &rows, asOf: CalendarDate(iso: "2023-08-10")!)
    #expect(rows[0].due == "2023-08-18" && rows[0].daysOverdue == nil)
  }
}
