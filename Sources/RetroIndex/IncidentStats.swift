import Foundation
import RetroCore

/// Figures across all indexed reports, for `retro stats`. Durations are given as median and
/// 90th percentile: incident durations are skewed, so a mean misleads.
public struct IncidentStats: Sendable, Equatable, Codable {
  public struct Count: Sendable, Equatable, Codable {
    public var key: String
    public var count: Int
  }

  public struct Distribution: Sendable, Equatable, Codable {
    /// Reports that give this figure.
    public var count: Int
    public var median: Double?
    public var p90: Double?
  }

  public struct ActionItemFigures: Sendable, Equatable, Codable {
    public var total: Int
    public var open: Int
    public var done: Int
    /// done / total, 0 to 1.
    public var closureRate: Double?
    /// Days from the incident to the item first seen done.
    public var medianDaysToClose: Double?
    public var overdue: Int
    public var unowned: Int
    public var oldestOpen: [ActionItemRow]
    /// Of `overdue`, the items due by a follow-up policy, not a date of their own (only
    /// when `policies:` is set).
    public var overdueByPolicy: Int? = nil
  }

  /// Reports past the deadline `policies:` sets to be final (only when it is set).
  public var lateReports: Int? = nil
  /// Period by period, empty periods included, and causes by category.
  public var trends: IncidentTrends? = nil

  public var asOf: String
  public var reports: Int
  public var incidentsPerMonth: [Count]
  public var incidentsPerSeverity: [Count]
  public var timeToDetect: Distribution
  public var timeToMitigate: Distribution
  public var timeToResolve: Distribution
  public var actionItems: ActionItemFigures
  public var topTags: [Count]
  public var topServices: [Count]
  public var topRootCauseWords: [Count]

  /// The figures from the reports, the action-item figures and the root-cause word counts,
  /// which the index aggregates (`IndexReader.actionItemFigures`, `rootCauseWordCounts`).
  public static func compute(
    reports: [ReportRecord], itemFigures: ActionItemFigures, rootCauseWords: [Count], asOf: CalendarDate
  ) -> IncidentStats {
    var stats = compute(reports: reports, items: [], asOf: asOf, countingWords: false)
    stats.actionItems = itemFigures
    stats.topRootCauseWords = ranked(rootCauseWords, limit: 10)
    return stats
  }

  public static func compute(reports: [ReportRecord], items: [ActionItemRow], asOf: CalendarDate) -> IncidentStats {
    compute(reports: reports, items: items, asOf: asOf, countingWords: true)
  }

  /// Most first, then by key; the first `limit`.
  static func ranked(_ counts: [Count], limit: Int? = nil) -> [Count] {
    let sorted = counts.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
    return limit.map { Array(sorted.prefix($0)) } ?? sorted
  }

  private static func compute(reports: [ReportRecord], items: [ActionItemRow], asOf: CalendarDate, countingWords: Bool)
    -> IncidentStats
  {
    func counted(_ values: [String], limit: Int? = nil) -> [Count] {
      let counts = values.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
      return ranked(counts.map { Count(key: $0.key, count: $0.value) }, limit: limit)
    }
    let months = counted(reports.compactMap { $0.date.map { String($0.prefix(7)) } }).sorted { $0.key < $1.key }
    // `Sev 2` and `SEV2` are one severity, shown as the reports mostly spell it.
    let spellings = reports.compactMap(\.severity)
    let names = SeverityName.displayNames(spellings)
    let severities = counted(reports.map { $0.severity.map { names[SeverityName.key($0)] ?? $0 } ?? "unknown" })
    let done = items.filter { $0.status == "done" }
    let open = items.filter { $0.status == "open" }
    let daysToClose = done.compactMap { row -> Double? in
      guard let start = row.reportDate.flatMap({ CalendarDate(iso: $0) }),
        let closed = row.closedAt.flatMap({ CalendarDate(iso: $0.prefix(10)) })
      else { return nil }
      return Double(max(0, start.days(to: closed)))
    }
    let figures = ActionItemFigures(
      total: items.count, open: open.count, done: done.count,
      closureRate: items.isEmpty ? nil : Double(done.count) / Double(items.count),
      medianDaysToClose: Self.percentile(daysToClose, 0.5), overdue: open.filter { $0.daysOverdue != nil }.count,
      unowned: open.filter { $0.owners.isEmpty }.count,
      oldestOpen: Array(open.sorted { ($0.ageDays ?? -1, $1.path, $1.line) > ($1.ageDays ?? -1, $0.path, $0.line) }.prefix(5)))
    return IncidentStats(
      asOf: asOf.description, reports: reports.count, incidentsPerMonth: months, incidentsPerSeverity: severities,
      timeToDetect: Self.distribution(reports.compactMap(\.timeToDetect)),
      timeToMitigate: Self.distribution(reports.compactMap(\.timeToMitigate)),
      timeToResolve: Self.distribution(reports.compactMap(\.timeToResolve)),
      actionItems: figures,
      topTags: counted(reports.flatMap { $0.tags.map { $0.lowercased() } }, limit: 10),
      topServices: counted(reports.flatMap { $0.services.map { $0.lowercased() } }, limit: 10),
      topRootCauseWords: countingWords
        ? counted(reports.flatMap { $0.rootCauseWords ?? Self.rootCauseWords($0.rootCauses) }, limit: 10) : [])
  }

  static func distribution(_ values: [Double]) -> Distribution {
    Distribution(count: values.count, median: percentile(values, 0.5), p90: percentile(values, 0.9))
  }

  /// Nearest-rank percentile; the median of an even count is the mean of the middle two.
  public static func percentile(_ values: [Double], _ p: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    if p == 0.5 {
      let middle = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
    let rank = Int((p * Double(sorted.count)).rounded(.up))
    return sorted[min(sorted.count, max(1, rank)) - 1]
  }

  static let stopWords: Set<String> = [
    "that", "this", "with", "from", "were", "was", "have", "been", "which", "when", "they", "their",
    "there", "into", "than", "then", "would", "could", "should", "also", "only", "some", "more",
    "because", "caused", "cause", "root", "what", "while", "after", "before", "where", "these",
    "those", "about", "other", "such", "being", "does", "didn", "wasn", "will", "just", "each",
    "very", "over", "under", "between", "through", "during", "without", "within", "again", "itself",
    "http", "https", "www", "com", "your", "them", "here", "most", "many", "much", "both",
  ]

  /// Meaningful words of root-cause text, each counted once per report.
  static func rootCauseWords(_ text: String) -> [String] {
    let words = TextSimilarity.words(text).filter { $0.count >= 4 && !stopWords.contains($0) && !$0.allSatisfy(\.isNumber) }
    return Set(words).sorted()
  }
}
