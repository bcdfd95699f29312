import RetroCore

/// `retro stats`' trends as text (bars of block characters and aligned tables) or Markdown
/// tables. Text shows the last `textPeriods` periods; JSON and Markdown hold them all.
struct TrendsRenderer {
  static let textPeriods = 24

  /// What `--by` adds: incidents per period for each severity, service or team.
  var by: String?

  func periodName(_ t: IncidentTrends) -> String {
    switch t.period {
    case .month: return "month"
    case .quarter: return "quarter"
    case .year: return "year"
    }
  }

  func text(_ t: IncidentTrends) -> String {
    let rows = Array(t.rows.suffix(Self.textPeriods))
    let name = periodName(t)
    var out = "\nIncidents per \(name) (every \(name) from the first incident"
    if t.rows.count > rows.count { out += "; the last \(rows.count): --period quarter or year, or --format json, for all" }
    out += ")\n"
    let peak = rows.map(\.incidents).max() ?? 0
    for row in rows {
      out += "  \(row.period.padding(toLength: 8, withPad: " ", startingAt: 0)) \(StatsRenderer.bar(row.incidents, max: peak, width: 24).padding(toLength: 25, withPad: " ", startingAt: 0))\(row.incidents)\n"
    }
    if t.undated > 0 { out += "  (\(t.undated) undated \(t.undated == 1 ? "report" : "reports") in no \(name))\n" }
    out += "\nDurations per \(name) (median / p90 of the \(name)'s reports that give them)\n"
    out += "  \(name.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0))  " + ["DETECT", "MITIGATE", "RESOLVE"].map { $0.padding(toLength: 17, withPad: " ", startingAt: 0) }.joined() + "\n"
    for row in rows where row.incidents > 0 {
      let cells = [row.timeToDetect, row.timeToMitigate, row.timeToResolve].map { d in
        (d.count == 0 ? "—" : "\(DurationText.format(d.median)) / \(DurationText.format(d.p90))").padding(toLength: 17, withPad: " ", startingAt: 0)
      }
      out += "  \(row.period.padding(toLength: 8, withPad: " ", startingAt: 0))  " + cells.joined() + "\n"
    }
    out += "\nAction items per \(name) (opened with their incident; open and median age at the \(name)'s end)\n"
    out += "  \(name.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0))  OPENED  CLOSED  OPEN  MEDIAN AGE OPEN\n"
    for row in rows {
      let cells = [String(row.itemsOpened), String(row.itemsClosed), String(row.openAtEnd)]
      out += "  \(row.period.padding(toLength: 8, withPad: " ", startingAt: 0))  "
      out += zip(cells, [6, 6, 4]).map { String(repeating: " ", count: max(0, $1 - $0.count)) + $0 }.joined(separator: "  ")
      out += "  " + (row.medianOpenAgeDays.map { "\(Int($0))d" } ?? "—") + "\n"
    }
    for (title, series) in breakdowns(t) where !series.isEmpty {
      out += "\nIncidents per \(name) by \(title)\n"
      let width = max(8, series.map { VisibleText.escape($0.key).count }.max() ?? 0)
      let shown = rows.count
      // Months as `01`…`12`, quarters as `24Q1`, years whole.
      let labels = rows.map { row -> String in
        switch t.period {
        case .month: return String(row.period.suffix(2))
        case .quarter: return String(row.period.dropFirst(2)).replacingOccurrences(of: "-", with: "")
        case .year: return row.period
        }
      }
      let cell = (labels.map(\.count).max() ?? 2) + 1
      out += "  " + "".padding(toLength: width, withPad: " ", startingAt: 0) + " " + labels.map { $0.padding(toLength: cell, withPad: " ", startingAt: 0) }.joined() + " TOTAL\n"
      for s in series {
        let counts = s.counts.suffix(shown).map { $0 == 0 ? "·" : String($0) }
        out += "  " + VisibleText.escape(s.key).padding(toLength: width, withPad: " ", startingAt: 0) + " "
        out += counts.map { $0.padding(toLength: cell, withPad: " ", startingAt: 0) }.joined() + " \(s.total)\n"
      }
    }
    out += "\nCauses (by category of the root-cause section; a report may count in several)\n"
    let causePeak = t.causes.map(\.count).max() ?? 0
    let width = max(14, t.causes.map(\.key.count).max() ?? 0)
    for cause in t.causes {
      out += "  " + VisibleText.escape(cause.key).padding(toLength: width, withPad: " ", startingAt: 0) + "  " + StatsRenderer.bar(cause.count, max: causePeak, width: 24) + " \(cause.count)\n"
    }
    out += "  \(t.uncategorised) with a root cause in no category; \(t.noRootCause) with no root-cause section\n"
    // Padded columns leave spaces at the ends of lines.
    return out.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var line = Substring(line)
      while line.last == " " { line = line.dropLast() }
      return String(line)
    }.joined(separator: "\n")
  }

  /// The per-period breakdowns `--by` asks for (severity and service; team when several
  /// roots are read).
  func breakdowns(_ t: IncidentTrends) -> [(String, [IncidentTrends.Series])] {
    switch by {
    case "severity":
      var keys: [String] = []
      for row in t.rows { for count in row.bySeverity where !keys.contains(count.key) { keys.append(count.key) } }
      let series = keys.sorted().map { key in
        IncidentTrends.Series(
          key: key, total: t.rows.reduce(0) { $0 + ($1.bySeverity.first { $0.key == key }?.count ?? 0) },
          counts: t.rows.map { $0.bySeverity.first { $0.key == key }?.count ?? 0 })
      }
      return [("severity", series)]
    case "service": return [("service", t.byService)]
    case "team": return [("team", t.byTeam)]
    default: return []
    }
  }

  func markdown(_ t: IncidentTrends) -> String {
    let name = periodName(t)
    var out = "\n## Trends per \(name)\n\n| \(name.capitalized) | Incidents | Detect (median / p90) | Mitigate | Resolve | Items opened | Closed | Open at end | Median age open |\n"
    out += "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
    func cell(_ d: IncidentStats.Distribution) -> String {
      d.count == 0 ? "—" : "\(DurationText.format(d.median)) / \(DurationText.format(d.p90))"
    }
    for row in t.rows {
      out += "| \(row.period) | \(row.incidents) | \(cell(row.timeToDetect)) | \(cell(row.timeToMitigate)) | \(cell(row.timeToResolve)) | \(row.itemsOpened) | \(row.itemsClosed) | \(row.openAtEnd) | \(row.medianOpenAgeDays.map { "\(Int($0))d" } ?? "—") |\n"
    }
    for (title, series) in breakdowns(t) where !series.isEmpty {
      out += "\n## Incidents per \(name) by \(title)\n\n| \(title.capitalized) | " + t.rows.map(\.period).joined(separator: " | ") + " | Total |\n"
      out += "| --- |" + String(repeating: " --- |", count: t.rows.count + 1) + "\n"
      for s in series {
        out += "| \(ActionListRenderer.markdownCell(s.key)) | " + s.counts.map(String.init).joined(separator: " | ") + " | \(s.total) |\n"
      }
    }
    out += "\n## Causes\n\n" + t.causes.map { "- \($0.key): \($0.count)\n" }.joined()
    out += "- in no category: \(t.uncategorised); no root-cause section: \(t.noRootCause)\n"
    return out
  }
}
