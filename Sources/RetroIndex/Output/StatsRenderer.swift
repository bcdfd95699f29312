import Foundation
import RetroCore

/// Renders `retro stats`: text with small bar charts drawn with block characters, JSON or
/// Markdown. Tags, services and item text have their control characters made visible.
public struct StatsRenderer: Sendable {
  public enum Format: String, Sendable, CaseIterable { case text, json, markdown }

  /// `--by severity|service|team`: the trends' breakdown per period.
  public var by: String?

  public init(by: String? = nil) {
    self.by = by
  }

  public func render(_ stats: IncidentStats, format: Format) -> String {
    switch format {
    case .json: return ActionListRenderer().jsonEncoded(stats)
    case .text: return text(stats)
    case .markdown: return markdown(stats)
    }
  }


  /// `(3 by policy)` after the overdue count, when policies gave some items their date.
  static func byPolicy(_ a: IncidentStats.ActionItemFigures) -> String {
    guard let count = a.overdueByPolicy else { return "" }
    return " (\(count) by policy)"
  }

  static func percent(_ value: Double?) -> String {
    value.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
  }

  /// A bar of eighth-blocks, `width` cells for the largest value.
  static func bar(_ value: Int, max: Int, width: Int = 30) -> String {
    guard max > 0 else { return "" }
    let eighths = Int((Double(value) / Double(max) * Double(width * 8)).rounded())
    let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
  }

  func chart(_ counts: [IncidentStats.Count]) -> String {
    let top = counts.map(\.count).max() ?? 0
    let keys = counts.map { VisibleText.escape($0.key) }
    let width = keys.map(\.count).max() ?? 0
    return zip(keys, counts).map { key, count in "  " + key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Self.bar(count.count, max: top) + " \(count.count)\n" }.joined()
  }

  func text(_ s: IncidentStats) -> String {
    var out = "\(s.reports) incidents, as of \(s.asOf)\n"
    if s.trends == nil { out += "\nIncidents per month\n" + chart(s.incidentsPerMonth) }
    out += "\nIncidents per severity\n" + chart(s.incidentsPerSeverity)
    out += "\nDurations (median / p90, over the reports that give them)\n"
    for (name, d) in [("time to detect", s.timeToDetect), ("time to mitigate", s.timeToMitigate), ("time to resolve", s.timeToResolve)] {
      out += "  \(name.padding(toLength: 17, withPad: " ", startingAt: 0)) \(DurationText.format(d.median)) / \(DurationText.format(d.p90))  (\(d.count) reports)\n"
    }
    let a = s.actionItems
    out += "\nAction items\n  \(a.total) total, \(a.open) open, \(a.done) done; closure rate \(Self.percent(a.closureRate)); median days to close \(a.medianDaysToClose.map { String(Int($0)) } ?? "—"); \(a.overdue) overdue\(Self.byPolicy(a)); \(a.unowned) open without an owner\n"
    if let late = s.lateReports { out += "  \(late) \(late == 1 ? "report" : "reports") past the policy's deadline to be final\n" }
    if !a.oldestOpen.isEmpty {
      out += "  oldest open:\n"
      for row in a.oldestOpen { out += "    \(row.ageDays.map { "\($0)d" } ?? "?")  \(VisibleText.escape(row.text.prefix(70)))  (\(VisibleText.escape(row.location)))\n" }
    }
    for (title, counts) in [("Top tags", s.topTags), ("Top services", s.topServices)] where !counts.isEmpty {
      out += "\n\(title)\n" + chart(counts)
    }
    if let trends = s.trends {
      out += TrendsRenderer(by: by).text(trends)
    } else if !s.topRootCauseWords.isEmpty {
      out += "\nTop root-cause words\n" + chart(s.topRootCauseWords)
    }
    return out
  }

  func markdown(_ s: IncidentStats) -> String {
    var out = "# Incident statistics, as of \(s.asOf)\n\n\(s.reports) incidents.\n"
    if s.trends == nil {
      out += "\n## Incidents per month\n\n| Month | Incidents |\n| --- | --- |\n" + s.incidentsPerMonth.map { "| \($0.key) | \($0.count) |\n" }.joined()
    }
    out += "\n## Incidents per severity\n\n| Severity | Incidents |\n| --- | --- |\n" + s.incidentsPerSeverity.map { "| \($0.key) | \($0.count) |\n" }.joined()
    out += "\n## Durations\n\n| Figure | Median | p90 | Reports |\n| --- | --- | --- | --- |\n"
    for (name, d) in [("Time to detect", s.timeToDetect), ("Time to mitigate", s.timeToMitigate), ("Time to resolve", s.timeToResolve)] {
      out += "| \(name) | \(DurationText.format(d.median)) | \(DurationText.format(d.p90)) | \(d.count) |\n"
    }
    let a = s.actionItems
    out += "\n## Action items\n\n- \(a.total) total, \(a.open) open, \(a.done) done\n- closure rate \(Self.percent(a.closureRate))\n- median days to close: \(a.medianDaysToClose.map { String(Int($0)) } ?? "—")\n- \(a.overdue) overdue\(Self.byPolicy(a)), \(a.unowned) open without an owner\n"
    if let late = s.lateReports { out += "- \(late) \(late == 1 ? "report" : "reports") past the policy's deadline to be final\n" }
    let lists = [("Top tags", s.topTags), ("Top services", s.topServices)] + (s.trends == nil ? [("Top root-cause words", s.topRootCauseWords)] : [])
    for (title, counts) in lists where !counts.isEmpty {
      out += "\n## \(title)\n\n" + counts.map { "- \(VisibleText.escape($0.key)): \($0.count)\n" }.joined()
    }
    if let trends = s.trends { out += TrendsRenderer(by: by).markdown(trends) }
    return out
  }

  /// `--by team`: one row per team.
  public func render(teams: [TeamFigures], format: Format) -> String {
    switch format {
    case .json: return ActionListRenderer().jsonEncoded(teams)
    case .markdown:
      var out = "| Team | Incidents | Items | Open | Overdue | Unowned | Closure rate |\n| --- | --- | --- | --- | --- | --- | --- |\n"
      for t in teams {
        out += "| \(VisibleText.escape(t.team)) | \(t.incidents) | \(t.items) | \(t.open) | \(t.overdue) | \(t.unowned) | \(Self.percent(t.closureRate)) |\n"
      }
      return out
    case .text:
      let width = max(4, teams.map { VisibleText.escape($0.team).count }.max() ?? 0)
      var out = "TEAM".padding(toLength: width, withPad: " ", startingAt: 0) + "  INCIDENTS  ITEMS  OPEN  OVERDUE  UNOWNED  CLOSED\n"
      for t in teams {
        let cells = [t.incidents, t.items, t.open, t.overdue, t.unowned].map(String.init)
        let widths = [9, 5, 4, 7, 7]
        out += VisibleText.escape(t.team).padding(toLength: width, withPad: " ", startingAt: 0)
        for (cell, w) in zip(cells, widths) { out += "  " + String(repeating: " ", count: max(0, w - cell.count)) + cell }
        out += "  " + Self.percent(t.closureRate) + "\n"
      }
      return out
    }
  }
}
