import ArgumentParser
import Foundation
import RetroCore
import RetroLint

extension Retro {
  /// `retro lint`: what a draft still lacks, as a linter reports it.
  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check reports for missing sections, weak timelines, vague action items and blame.",
      discussion: CommandHelp.reflow(
        """
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
          retro lint draft.md --fix
          retro lint retros/ --fix --dry-run

        --fix applies the fixes that are mechanical and safe ('retro rules' marks the fixable
        rules): a skeleton for each missing section, placeholder front-matter keys, ids for
        action items, task boxes Markdown renders, the report's one zone in the Timeline
        heading. It rewrites a file atomically, keeps its line endings, refuses a file that
        changed on disk meanwhile, and then reports what is left. With --dry-run it prints a
        unified diff instead and writes nothing (exit status 1 when there is something to fix).

        Adopting retro on a folder that already has findings: 'retro lint retros/
        --write-baseline .retro-baseline.json' records them; 'retro lint retros/ --baseline
        .retro-baseline.json' then fails only on new ones (known ones are counted on standard
        error; a finding is matched by file, rule, message and its line's text, so lines
        moving do not make it new). '--changed-since origin/main' reports only the files a
        pull request changed.
        """))

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: \(ReporterRegistry.identifiers.joined(separator: ", ")).")
    var format: String = "text"

    @Flag(help: "Fail (exit 1) on warnings too, not only errors.")
    var strict = false

    @Option(name: .customLong("rule"), help: "Run only this rule (repeatable).")
    var onlyRules: [String] = []

    @Option(help: "Lint every file under this profile: \(LintProfile.allCases.map(\.rawValue).joined(separator: ", ")) (default: 'profile:' and 'profiles:' of .retro.yml, else standard).")
    var profile: String?

    @Flag(help: "Apply the safe fixes to the files, then report what is left.")
    var fix = false

    @Flag(help: "With --fix: print a unified diff of the fixes and write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Write every finding to this baseline file (JSON) and exit 0: the findings a folder has when retro is adopted.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("Report only findings this baseline file does not hold; the known ones are counted, not failed.", valueName: "file"))
    var baseline: String?

    @Flag(help: "With --baseline: list the known findings on standard error too.")
    var listKnown = false

    @Option(help: ArgumentHelp("Report findings only in files git says changed since this commit (committed, in the working tree, or new).", valueName: "ref"))
    var changedSince: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Count follow-up policy deadlines as of this day (YYYY-MM-DD; default: today).", valueName: "date"))
    var asOf: String?

    func validate() throws {
      if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date as YYYY-MM-DD, not '\(asOf)'.") }
      guard ReporterRegistry.identifiers.contains(format) else {
        throw ValidationError("Unknown format '\(format)'; use one of \(ReporterRegistry.identifiers.joined(separator: ", ")).")
      }
      if let unknown = onlyRules.first(where: { !RuleRegistry.identifiers.contains($0) }) {
        throw ValidationError(
          "Unknown rule '\(unknown)'; 'retro rules' lists them." + NearestName.hint(for: unknown, among: RuleRegistry.identifiers))
      }
      if let profile, LintProfile(rawValue: profile) == nil {
        throw ValidationError(
          "Unknown profile '\(profile)'; use one of \(LintProfile.allCases.map(\.rawValue).joined(separator: ", "))."
            + NearestName.hint(for: profile, among: LintProfile.allCases.map(\.rawValue)))
      }
      if dryRun && !fix { throw ValidationError("--dry-run goes with --fix.") }
      if listKnown && baseline == nil { throw ValidationError("--list-known goes with --baseline.") }
      if writeBaseline != nil && (baseline != nil || changedSince != nil || fix) {
        throw ValidationError("--write-baseline records every finding; it goes without --baseline, --changed-since and --fix.")
      }
      if fix && input.paths.contains("-") && !dryRun {
        throw ValidationError("Standard input cannot be fixed in place; use --fix --dry-run for a diff.")
      }
    }

    func run() throws {
      var configuration: LintConfiguration
      let files: [String]
      do {
        configuration = try input.loadConfiguration()
        configuration.asOf = asOf.flatMap { CalendarDate(iso: $0) }
        if let profile, let chosen = LintProfile(rawValue: profile) {
          configuration.profile = chosen
          configuration.profilePatterns = []
        }
        files = try ReportFinder.files(in: input.paths, warn: printError).filter { !configuration.isIgnored($0) }
      } catch let error as InputError {
        printError(error.description)
        throw RetroExit.inputError
      }
      let linter = Linter(configuration: configuration)
      if fix {
        let pending = try applyFixes(files, linter: linter)
        if dryRun { throw pending ? RetroExit.findings : ExitCode.success }
      }
      let run = linter.lint(paths: files, only: onlyRules.isEmpty ? nil : Set(onlyRules), load: loadSource)
      for error in run.inputErrors { printError(error.description) }
      var diagnostics = run.diagnostics
      do {
        if let writeBaseline {
          let baseline = LintBaseline.of(diagnostics, lines: run.lines, folder: Self.folder(of: writeBaseline))
          // Replacing an older baseline is what was asked; the write is atomic.
          try SafeFileWriter.write(try baseline.encoded(), to: writeBaseline, replacing: true)
          printError("retro: wrote \(Self.count(diagnostics.count, "finding")) to the baseline \(writeBaseline)")
          if !run.inputErrors.isEmpty { throw RetroExit.inputError }
          return
        }
        if let changedSince {
          // Every file is still read, so cross-report rules see the whole folder.
          let changed = try ChangedFiles.since(changedSince, near: input.paths.first ?? ".")
          diagnostics = diagnostics.filter { changed.contains(URL(fileURLWithPath: $0.path).standardizedFileURL.path) }
        }
        if let baseline {
          let split = try LintBaseline.load(path: baseline).split(diagnostics, lines: run.lines, folder: Self.folder(of: baseline))
          diagnostics = split.new
          if listKnown {
            for known in split.known { printError("known: \(known.path):\(known.line): \(known.message) (\(known.ruleId))") }
          }
          var summary = "retro: \(Self.count(split.known.count, "known finding")) in the baseline \(baseline), not failing; \(split.new.count) new"
          if split.gone > 0 { summary += "; \(Self.count(split.gone, "baseline finding")) gone (fixed): write the baseline again to drop them" }
          printError(summary)
        }
      } catch let error as InputError {
        printError(error.description)
        throw RetroExit.inputError
      }
      let color = format == "text" && TerminalStyle.colorEnabled(for: FileHandle.standardOutput)
      guard let reporter = ReporterRegistry.reporter(named: format, color: color) else { throw RetroExit.inputError }
      if format == TextReporter.identifier {
        Console.humanStream(styled: color) { output in
          reporter.write(diagnostics, fileCount: run.fileCount, lines: run.lines, to: output)
        }
      } else {
        Console.machineStream { output in
          reporter.write(diagnostics, fileCount: run.fileCount, lines: run.lines, to: output)
        }
      }
      if !run.inputErrors.isEmpty { throw RetroExit.inputError }
      let failing: DiagnosticSeverity = strict ? .warning : .error
      if diagnostics.contains(where: { $0.severity >= failing }) { throw RetroExit.findings }
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private static func folder(of file: String) -> String {
      URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
    }

    /// Fixes every file (or, with --dry-run, prints what would change); true when something
    /// was or would be changed. Summaries go to standard error, diffs to standard output.
    private func applyFixes(_ files: [String], linter: Linter) throws -> Bool {
      let fixing = FileFixer(fixer: Fixer(linter: linter), only: onlyRules.isEmpty ? nil : Set(onlyRules))
      let results = ParallelMap.map(files) { path in
        path == "-" ? fixing.fix(source: FileHandle.standardInput.readDataToEndOfFile(), path: "<stdin>") : fixing.fix(path: path)
      }
      var changed = false
      var failed = false
      for result in results {
        if let error = result.error {
          printError(error.description)
          failed = true
          continue
        }
        guard let outcome = result.outcome else { continue }
        for refused in outcome.refused {
          printError("\(result.path):\(refused.line): not fixed (\(refused.ruleId)): \(refused.title): \(refused.refusal ?? "")")
        }
        guard outcome.changed, result.output != nil else { continue }
        changed = true
        if dryRun {
          Console.machine(
            UnifiedDiff.diff(
              outcome.original, outcome.fixed, oldName: "a/" + result.path.drop(while: { $0 == "/" }), newName: "b/" + result.path.drop(while: { $0 == "/" })))
          continue
        }
        do {
          let appended = try FileFixer.write(result)
          if appended > 0 {
            printError("\(result.path): another program appended \(appended) bytes while it was fixed; they are kept at its end")
          }
        } catch let error as InputError {
          printError(error.description)
          failed = true
          continue
        }
        let counts = Dictionary(grouping: outcome.applied, by: \.ruleId).map { "\($0.key) ×\($0.value.count)" }.sorted()
        printError("\(result.path): fixed \(outcome.applied.count) (\(counts.joined(separator: ", ")))")
      }
      if failed { throw RetroExit.inputError }
      return changed
    }
  }
}
