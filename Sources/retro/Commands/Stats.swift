import ArgumentParser
import RetroIndex

extension Retro {
  /// `retro stats`: incident and action-item figures across the reports.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Incidents per month and severity, time to detect / mitigate / resolve, action-item closure.",
      discussion: """
        Examples:
          retro stats retros/
          retro stats retros/ --format json
        """)

    @OptionGroup var options: IndexOptions

    @Option(help: "text, json or markdown.")
    var format = "text"

    func validate() throws {
      guard StatsRenderer.Format(rawValue: format) != nil else { throw ValidationError("--format must be text, json or markdown.") }
    }

    func run() throws {
      let (database, update, _) = try options.openIndex()
      let reader = IndexReader(database: database)
      let stats = IncidentStats.compute(
        reports: try reader.reportFigures(), itemFigures: try reader.actionItemFigures(asOf: options.asOfDate),
        asOf: options.asOfDate)
      let statsFormat = StatsRenderer.Format(rawValue: format) ?? .text
      let output = StatsRenderer().render(stats, format: statsFormat)
      if statsFormat == .json { Console.machine(output) } else { Console.human(output) }
      if !update.problems.isEmpty { throw RetroExit.inputError }
    }
  }
}
