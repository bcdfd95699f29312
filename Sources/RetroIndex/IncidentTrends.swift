import RetroCore

/// How incidents and their follow-up change over time, period by period (month, quarter or
/// year), from the first incident's period to the as-of day's, empty periods included: a
/// quiet month is a figure too. Per period: incidents, by severity; time to detect, mitigate
/// and resolve (median and p90); action items opened (by their incident's date) and closed,
/// and how many were open at the period's end and how old. Across all: incidents by service
/// and by team per period, and causes by category (`CauseCategories`).
public struct IncidentTrends: Sendable, Equatable, Codable {
  public enum Period: String, Sendable, CaseIterable, Codable { case month, quarter, year }

  public struct Row: Sendable, Equatable, Codable {
    /// `2024-03`, `2024-Q1` or `2024`.
    public var period: String
    public var incidents: Int
    public var bySeverity: [IncidentStats.Count]
    public var timeToDetect: IncidentStats.Distribution
    public var timeToMitigate: IncidentStats.Distribution
    public var timeToResolve: IncidentStats.Distribution
    public var itemsOpened: Int
    public var itemsClosed: Int
    /// Items open at the period's end (opened by then, not closed by then).
    public var openAtEnd: Int
    /// Their median age then, in days.
    public var medianOpenAgeDays: Double?
  }

  /// One service's (or team's) incidents, period by period, in the order of `rows`.
  public struct Series: Sendable, Equatable, Codable {
    public var key: String
    public var total: Int
    public var counts: [Int]
  }

  public var asOf: String
  public var period: Period
  public var rows: [Row]
  /// Reports with no date, which no period holds.
  public var undated: Int
  public var byService: [Series]
  public var byTeam: [Series]
  /// Reports per cause category, most first; a report may count in several.
  public var causes: [IncidentStats.Count]
  /// Reports with a root-cause section that names no category, and with none at all.
  public var uncategorised: Int
  public var noRootCause: Int

  /// The most periods shown: 10 years of months, 40 of quarters, 200 years.
  static let periodLimit = 120

  public static func compute(
    reports: [ReportRecord], items: [ActionItemRow], period: Period, asOf: CalendarDate, categories: CauseCategories = CauseCategories(),
    teams: Teams? = nil
  ) -> IncidentTrends {
    let dated = reports.compactMap { report in report.date.flatMap { CalendarDate(iso: $0) }.map { (report, $0) } }
    var keys: [String] = []
    if let first = dated.map(\.1).min() {
      var cursor: CalendarDate? = start(of: first, period)
      let end = start(of: asOf, period)
      while let day = cursor, day <= end {
        keys.append(key(of: day, period))
        cursor = next(day, period)
      }
      if keys.count > periodLimit { keys = Array(keys.suffix(periodLimit)) }
    }
    let position = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    var byPeriod = Array(repeating: [ReportRecord](), count: keys.count)
    for (report, date) in dated {
      if let index = position[key(of: date, period)] { byPeriod[index].append(report) }
    }
    let names = SeverityName.displayNames(reports.compactMap(\.severity))
    // Items: opened on their incident's day, closed on the day first seen done.
    let opened = items.compactMap { row -> (CalendarDate, CalendarDate?)? in
      guard let day = (row.incidentDate ?? row.reportDate).flatMap({ CalendarDate(iso: $0) }) else { return nil }
      let closed = row.status == "done" ? row.closedAt.flatMap { CalendarDate(iso: $0.prefix(10)) } : nil
      // Done with no known day: counted closed from its incident's day, the best known.
      return (day, row.status == "done" ? (closed ?? day) : nil)
    }
    var rows: [Row] = []
    for (index, periodKey) in keys.enumerated() {
      let inPeriod = byPeriod[index]
      let periodStart = start(ofKey: periodKey, period)
      // The period under way ends, for now, on the as-of day.
      let periodEnd = min(next(periodStart, period)?.adding(days: -1) ?? asOf, asOf)
      var severities: [String: Int] = [:]
      for report in inPeriod {
        severities[report.severity.map { names[SeverityName.key($0)] ?? $0 } ?? "unknown", default: 0] += 1
      }
      let openAges = opened.filter { $0.0 <= periodEnd && ($0.1.map { $0 > periodEnd } ?? true) }.map { Double($0.0.days(to: periodEnd)) }
      rows.append(
        Row(
          period: periodKey, incidents: inPeriod.count,
          bySeverity: IncidentStats.ranked(severities.map { IncidentStats.Count(key: $0.key, count: $0.value) }),
          timeToDetect: IncidentStats.distribution(inPeriod.compactMap(\.timeToDetect)),
          timeToMitigate: IncidentStats.distribution(inPeriod.compactMap(\.timeToMitigate)),
          timeToResolve: IncidentStats.distribution(inPeriod.compactMap(\.timeToResolve)),
          itemsOpened: opened.filter { $0.0 >= periodStart && $0.0 <= periodEnd }.count,
          itemsClosed: opened.filter { $0.1.map { $0 >= periodStart && $0 <= periodEnd } ?? false }.count,
          openAtEnd: openAges.count, medianOpenAgeDays: IncidentStats.percentile(openAges, 0.5)))
    }
    func series(_ label: (ReportRecord) -> [String]) -> [Series] {
      var counts: [String: [Int]] = [:]
      var spelling: [String: String] = [:]
      for (index, inPeriod) in byPeriod.enumerated() {
        for report in inPeriod {
          for name in Set(label(report).map { $0.lowercased() }) {
            counts[name, default: Array(repeating: 0, count: keys.count)][index] += 1
            if spelling[name] == nil { spelling[name] = label(report).first { $0.lowercased() == name } }
          }
        }
      }
      return counts.map { Series(key: spelling[$0.key] ?? $0.key, total: $0.value.reduce(0, +), counts: $0.value) }
        .sorted { ($0.total, $1.key) > ($1.total, $0.key) }
        .prefix(8).map { $0 }
    }
    var causeCounts: [String: Int] = [:]
    var uncategorised = 0
    var noRootCause = 0
    for report in reports {
      let text = report.rootCauses.trimmingWhitespaceAndNewlines()
      if text.isEmpty {
        noRootCause += 1
        continue
      }
      let found = categories.categories(of: text)
      if found.isEmpty { uncategorised += 1 }
      for name in found { causeCounts[name, default: 0] += 1 }
    }
    return IncidentTrends(
      asOf: asOf.description, period: period, rows: rows, undated: reports.count - dated.count,
      byService: series(\.services),
      byTeam: teams.map { teams in series { [teams.team(of: $0.path)].compactMap { $0 } } } ?? [],
      causes: IncidentStats.ranked(causeCounts.map { IncidentStats.Count(key: $0.key, count: $0.value) }),
      uncategorised: uncategorised, noRootCause: noRootCause)
  }

  /// The period a chart of incidents from `first` to `asOf` is drawn by: months while there
  /// are at most 36 of them, else quarters while at most 40, else years.
  public static func period(from first: CalendarDate?, to asOf: CalendarDate) -> Period {
    guard let first else { return .month }
    let months = (asOf.year * 12 + asOf.month) - (first.year * 12 + first.month) + 1
    if months <= 36 { return .month }
    return (months + 2) / 3 <= 40 ? .quarter : .year
  }

  static func start(of date: CalendarDate, _ period: Period) -> CalendarDate {
    switch period {
    case .month: return CalendarDate(year: date.year, month: date.month, day: 1)!
    case .quarter: return CalendarDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1)!
    case .year: return CalendarDate(year: date.year, month: 1, day: 1)!
    }
  }

  /// The next period's first day; nil past the last year a date can have.
  static func next(_ start: CalendarDate, _ period: Period) -> CalendarDate? {
    let months = period == .month ? 1 : period == .quarter ? 3 : 12
    let total = start.year * 12 + (start.month - 1) + months
    return CalendarDate(year: total / 12, month: total % 12 + 1, day: 1)
  }

  static func key(of date: CalendarDate, _ period: Period) -> String {
    switch period {
    case .month: return String(date.description.prefix(7))
    case .quarter: return "\(date.year)-Q\((date.month - 1) / 3 + 1)"
    case .year: return String(date.year)
    }
  }

  static func start(ofKey key: String, _ period: Period) -> CalendarDate {
    switch period {
    case .month: return CalendarDate(iso: key + "-01")!
    case .quarter:
      let year = Int(key.prefix(4)) ?? 2000
      let quarter = Int(key.suffix(1)) ?? 1
      return CalendarDate(year: year, month: (quarter - 1) * 3 + 1, day: 1)!
    case .year: return CalendarDate(year: Int(key) ?? 2000, month: 1, day: 1)!
    }
  }
}
