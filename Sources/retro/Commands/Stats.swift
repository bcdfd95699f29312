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
          reports: try reader.reportFigures(withRootCauseWords: false), items: try reader.actionItems(asOf: options.asOfDate),
          teams: teams)
        let output = StatsRenderer().render(teams: figures, format: statsFormat)
        if statsFormat == .json { Console.machine(output) } else { Console.human(output) }
        if !update.problems.isEmpty { throw RetroExit.inputError }
        return
      }
      let stats = IncidentStats.compute(
        reports: try reader.reportFigures(withRootCauseWords: false),
        itemFigures: try reader.actionItemFigures(asOf: options.asOfDate), rootCauseWords: try reader.rootCauseWordCounts(),
        asOf: options.asOfDate)
      let output = StatsRenderer().render(stats, format: statsFormat)
      if statsFormat == .json { Console.machine(output) } else { Console.human(output) }
      if !update.problems.isEmpty { throw RetroExit.inputError }
    }
  }
}
