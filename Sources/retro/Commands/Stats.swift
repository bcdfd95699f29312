import ArgumentParser
import RetroIndex

extension Retro {
  /// `retro stats`: incident and action-item figures across the reports.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Trends per month, quarter or year: incidents, time to detect / mitigate / resolve, action items, causes.",
      discussion: CommandHelp.reflow(
        """
        Every period from the first incident to the as-of day is shown, empty ones too.
        Causes are grouped into categories (deploy or config change, capacity, dependency,
        certificate or expiry, DNS, data, network, security, software bug; add your own
        with 'causeCategories:' in .retro.yml).

        Examples:
          retro stats retros/
          retro stats retros/ --period quarter --by service
          retro stats retros/ --by team
          retro stats retros/ --format json
        """))

    @OptionGroup var options: IndexOptions

    @Option(help: "text, json or markdown.")
    var format = "text"

    @Option(help: "severity or service: incidents per period for each; team: one row per root folder (several folders, or 'roots:' in .retro.yml), and per period.")
    var by: String?

    @Option(help: "month, quarter or year: the period the trends are counted by.")
    var period = "month"

    func validate() throws {
      guard StatsRenderer.Format(rawValue: format) != nil else { throw ValidationError("--format must be text, json or markdown.") }
      if let by, !["team", "severity", "service"].contains(by) { throw ValidationError("--by takes team, severity or service, not '\(by)'.") }
      guard IncidentTrends.Period(rawValue: period) != nil else { throw ValidationError("--period must be month, quarter or year.") }
    }

    func run() throws {
      let (database, update, settings) = try options.openIndex()
      let reader = IndexReader(database: database)
      let statsFormat = StatsRenderer.Format(rawValue: format) ?? .text
      if by == "team" {
        let teams = options.teams(settings)
        guard !teams.isEmpty else {
          printError("error: --by team needs several folders of reports (retro stats A B, or 'roots:' in .retro.yml)")
          throw RetroExit.inputError
        }
        let figures = TeamFigures.compute(
          reports: try reader.reportFigures(withRootCauseWords: false), items: try options.actionItems(database, settings), teams: teams)
        let output = StatsRenderer().render(teams: figures, format: statsFormat)
        if statsFormat == .json { Console.machine(output) } else { Console.human(output) }
        if !update.problems.isEmpty { throw RetroExit.inputError }
        return
      }
      // The reports and the items are read once: the trends need the root-cause text and
      // every row (with policy due dates) anyway.
      let reports = try reader.reports()
      let rows = try options.actionItems(database, settings)
      var stats = IncidentStats.compute(
        reports: reports, itemFigures: try reader.actionItemFigures(asOf: options.asOfDate),
        rootCauseWords: try reader.rootCauseWordCounts(), asOf: options.asOfDate)
      if !settings.lint.policies.isEmpty {
        // Policies give items due dates the index does not hold: counted from the rows.
        let open = rows.filter { $0.status == "open" }
        stats.actionItems.overdue = open.filter { $0.daysOverdue != nil }.count
        stats.actionItems.overdueByPolicy = open.filter { $0.daysOverdue != nil && $0.duePolicy != nil }.count
        stats.lateReports = options.lateReports(reports, settings).count
      }
      let teams = options.teams(settings)
      stats.trends = IncidentTrends.compute(
        reports: reports, items: rows, period: IncidentTrends.Period(rawValue: period) ?? .month, asOf: options.asOfDate,
        categories: settings.lint.causeCategories, teams: teams.isEmpty ? nil : teams)
      let output = StatsRenderer(by: by).render(stats, format: statsFormat)
      if statsFormat == .json { Console.machine(output) } else { Console.human(output) }
      if !update.problems.isEmpty { throw RetroExit.inputError }
    }
  }
}
