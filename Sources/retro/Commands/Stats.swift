import ArgumentParser
import RetroIndex

extension Retro {
  /// `retro stats`: incident and action-item figures across the reports.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Incidents per month and severity, time to detect / mitigate / resolve, action-item closure.",
      discussion: CommandHelp.reflow(
        """
        Examples:
          retro stats retros/
          retro stats retros/ --format json
        """))

    @OptionGroup var options: IndexOptions

    @Option(help: "text, json or markdown.")
    var format = "text"

    @Option(help: "team: one row per root folder (several folders, or 'roots:' in .retro.yml).")
    var by: String?

    func validate() throws {
      guard StatsRenderer.Format(rawValue: format) != nil else { throw ValidationError("--format must be text, json or markdown.") }
      if let by, by != "team" { throw ValidationError("--by takes 'team', not '\(by)'.") }
    }

    func run() throws {
      let (database, update, settings) = try options.openIndex()
      let reader = IndexReader(database: database)
      let statsFormat = StatsRenderer.Format(rawValue: format) ?? .text
      if by != nil {
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
      var stats = IncidentStats.compute(
        reports: try reader.reportFigures(withRootCauseWords: false),
        itemFigures: try reader.actionItemFigures(asOf: options.asOfDate), rootCauseWords: try reader.rootCauseWordCounts(),
        asOf: options.asOfDate)
      if !settings.lint.policies.isEmpty {
        // Policies give items due dates the index does not hold: counted from the rows.
        let open = try options.actionItems(database, settings, status: "open")
        stats.actionItems.overdue = open.filter { $0.daysOverdue != nil }.count
        stats.actionItems.overdueByPolicy = open.filter { $0.daysOverdue != nil && $0.duePolicy != nil }.count
        stats.lateReports = try options.lateReports(database, settings).count
      }
      let output = StatsRenderer().render(stats, format: statsFormat)
      if statsFormat == .json { Console.machine(output) } else { Console.human(output) }
      if !update.problems.isEmpty { throw RetroExit.inputError }
    }
  }
}
