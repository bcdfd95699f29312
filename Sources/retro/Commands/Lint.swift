import ArgumentParser
import Foundation
import RetroCore
import RetroLint

extension Retro {
  /// `retro lint`: what a draft still lacks, as a linter reports it.
  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check reports for missing sections, weak timelines, vague action items and blame.",
      discussion: """
        Findings read 'path:line:col: severity: message (rule_id)'. Exit status: 0 when nothing
        reaches the failing level (errors; with --strict, warnings too), 1 when something does,
        2 for usage, configuration or input errors. 'retro rules' lists the rules; turn them
        off or change their severity under 'rules:' in .retro.yml, or in a report with
        <!-- retro-disable rule_id -->, <!-- retro-enable rule_id --> and
        <!-- retro-disable-next-line rule_id -->.

        Examples:
          retro lint draft.md
          retro lint retros/ --strict
          retro lint retros/ --format sarif > retro.sarif
          cat draft.md | retro lint -
        """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: \(ReporterRegistry.identifiers.joined(separator: ", ")).")
    var format: String = "text"

    @Flag(help: "Fail (exit 1) on warnings too, not only errors.")
    var strict = false

    @Option(name: .customLong("rule"), help: "Run only this rule (repeatable).")
    var onlyRules: [String] = []

    func validate() throws {
      guard ReporterRegistry.identifiers.contains(format) else {
        throw ValidationError("Unknown format '\(format)'; use one of \(ReporterRegistry.identifiers.joined(separator: ", ")).")
      }
      if let unknown = onlyRules.first(where: { !RuleRegistry.identifiers.contains($0) }) {
        throw ValidationError("Unknown rule '\(unknown)'; 'retro rules' lists them.")
      }
    }

    func run() throws {
      let configuration: LintConfiguration
      let files: [String]
      do {
        configuration = try input.loadConfiguration()
        files = try ReportFinder.files(in: input.paths).filter { !configuration.isIgnored($0) }
      } catch let error as InputError {
        printError(error.description)
        throw RetroExit.inputError
      }
      let linter = Linter(configuration: configuration)
      let run = linter.lint(paths: files, only: onlyRules.isEmpty ? nil : Set(onlyRules), load: loadSource)
      for error in run.inputErrors { printError(error.description) }
      let color = format == "text" && TerminalStyle.colorEnabled(for: FileHandle.standardOutput)
      guard let reporter = ReporterRegistry.reporter(named: format, color: color) else { throw RetroExit.inputError }
      if format == TextReporter.identifier {
        Console.human(reporter.report(run.diagnostics, fileCount: run.fileCount, lines: run.lines), styled: color)
      } else {
        Console.machineStream { output in
          reporter.write(run.diagnostics, fileCount: run.fileCount, lines: run.lines, to: output)
        }
      }
      if !run.inputErrors.isEmpty { throw RetroExit.inputError }
      let diagnostics = run.diagnostics
      let failing: DiagnosticSeverity = strict ? .warning : .error
      if diagnostics.contains(where: { $0.severity >= failing }) { throw RetroExit.findings }
    }
  }
}
