import ArgumentParser
import Foundation
import RetroCore
import RetroLint

extension Retro {
  /// `retro show`: the structured report, as a terminal summary or as JSON.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show what retro reads from incident reports.",
      discussion: CommandHelp.reflow(
        """
        Text is a summary for a terminal: title, date, severity, the sections found, the
        timeline with offsets from the start, lessons and action items. JSON is the stable
        interface for other programs (docs/schema/incident-report.schema.json): one object
        for one file, an array for several.

        --explain prints, for each section, the kind chosen and the evidence: the heading's
        score per kind, the content cues (timestamped lines, work items), and whether a
        sub-heading only subdivides its parent.

        Examples:
          retro show examples/2019-02-25-fleet-rollout.md
          retro show --explain report.md
          retro show examples/ --format json > reports.json
        """))

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Flag(help: "Explain how each section's kind was decided (text only).")
    var explain = false

    func validate() throws {
      if explain && format == .json {
        throw ValidationError("--explain prints text; leave out --format json (the JSON carries foundBy per section)")
      }
    }

    func run() throws {
      let configuration: LintConfiguration
      let files: [String]
      do {
        configuration = try input.loadConfiguration()
        files = try ReportFinder.files(in: input.paths, warn: printError)
      } catch let error as InputError {
        printError(error.description)
        throw RetroExit.inputError
      }
      let parser = IncidentParser(configuration: configuration.parser)
      var reports: [IncidentReport] = []
      var failed = false
      for path in files {
        do {
          let report = try parser.parse(try loadSource(path))
          for warning in report.warnings {
            printError("\(report.source):\(warning.line.map(String.init) ?? "?"):\(warning.column.map(String.init) ?? "?"): warning: \(warning.message)")
          }
          reports.append(report)
        } catch let error as InputError {
          printError(error.description)
          failed = true
        }
      }
      switch format {
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data =
          reports.count == 1 && files.count == 1
          ? try encoder.encode(reports[0]) : try encoder.encode(reports)
        Console.machine(String(decoding: data, as: UTF8.self) + "\n")
      case .text where explain:
        let style = TerminalStyle(enabled: TerminalStyle.colorEnabled(for: FileHandle.standardOutput))
        Console.human(
          reports.map { SectionExplanation(report: $0, style: style).render() }.joined(separator: "\n"), styled: style.enabled)
      case .text:
        let useColor = TerminalStyle.colorEnabled(for: FileHandle.standardOutput)
        Console.human(reports.map { ReportSummary(report: $0, color: useColor).render() }.joined(separator: "\n"), styled: useColor)
      }
      if failed { throw RetroExit.inputError }
    }
  }
}
