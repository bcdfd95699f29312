import RetroCore

/// `retro stats --by team`: per team (root folder), its incidents and how its action items
/// stand, so an organisation with retros in many repositories compares them side by side.
public struct TeamFigures: Sendable, Equatable, Codable {
  public var team: String
  public var incidents: Int
  public var items: Int
  public var open: Int
  public var overdue: Int
  public var unowned: Int
  /// done / items, 0 to 1.
  public var closureRate: Double?

  public static func compute(reports: [ReportRecord], items: [ActionItemRow], teams: Teams) -> [TeamFigures] {
    var figures: [String: TeamFigures] = [:]
    func entry(_ team: String) -> TeamFigures {
      figures[team] ?? TeamFigures(team: team, incidents: 0, items: 0, open: 0, overdue: 0, unowned: 0, closureRate: nil)
    }
    for team in teams.names { figures[team] = entry(team) }
    for report in reports {
      guard let team = teams.team(of: report.path) else { continue }
      var figure = entry(team)
      figure.incidents += 1
      figures[team] = figure
    }
    var done: [String: Int] = [:]
    for row in teams.assign(items) {
      guard let team = row.team else { continue }
      var figure = entry(team)
      figure.items += 1
      if row.status == "open" {
        figure.open += 1
        if row.daysOverdue != nil { figure.overdue += 1 }
        if row.owners.isEmpty { figure.unowned += 1 }
      } else {
        done[team, default: 0] += 1
      }
      figures[team] = figure
    }
    return figures.values.map { figure in
      var figure = figure
      figure.closureRate = figure.items == 0 ? nil : Double(done[figure.team] ?? 0) / Double(figure.items)
      return figure
    }.sorted { $0.team < $1.team }
  }
}
