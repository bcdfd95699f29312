import Foundation
import RetroCore

/// Runs the rules over reports and turns their findings into diagnostics: severity from the
/// configuration, inline `retro-disable` comments honoured, output sorted.
///
/// Over files it streams and uses every core: each file is read, parsed and checked by the
/// per-file rules on its own, and only its diagnostics, the source lines they point at and a
/// small summary for the cross-report rules are kept.
public struct Linter: Sendable {
  public var configuration: LintConfiguration
  /// Whether findings carry their fixes (`--fix`, the language server); making them costs.
  public var makesFixes = false
  /// Built once: its heading vocabulary is not free to make.
  private let parser: IncidentParser

  public init(configuration: LintConfiguration, makesFixes: Bool = false) {
    self.configuration = configuration
    self.makesFixes = makesFixes
    self.parser = IncidentParser(configuration: configuration.parser)
  }

  /// The setting in force for a rule on the report at `path` (nil: the run's own profile):
  /// its severity, or nil when it is off.
  public func severity(of description: RuleDescription, path: String? = nil) -> DiagnosticSeverity? {
    configuration.severity(of: description, path: path)
  }

  /// Parses `source` into a lint context.
  public func context(for source: SourceFile) throws -> LintContext {
    let parsed = try parser.parseDocument(source)
    var context = LintContext(path: source.path, parsed: parsed, configuration: configuration, text: source.text)
    context.wantsFixes = makesFixes
    return context
  }

  /// The outcome of linting files.
  public struct Run: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// The source lines diagnostics point at, by file and line, for reporters that quote them.
    public var lines: [String: [Int: Substring]] = [:]
    public var inputErrors: [InputError] = []
    public var fileCount = 0
  }

  private struct FileOutcome: Sendable {
    var diagnostics: [Diagnostic] = []
    var lines: [Int: Substring] = [:]
    var summary: ReportSummary?
    var error: InputError?
  }

  /// Lints files by path, in parallel, streaming. `load` reads one path (standard input for `-`).
  public func lint(paths: [String], only: Set<String>? = nil, load: @Sendable (String) throws -> SourceFile) -> Run {
    var outcomes = ParallelMap.map(paths) { path -> FileOutcome in
      var outcome = FileOutcome()
      do {
        let context = try self.context(for: try load(path))
        outcome.diagnostics = fileDiagnostics(context, only: only)
        for diagnostic in outcome.diagnostics where diagnostic.line <= context.sourceLines.count {
          // A copy of the line alone: a slice would keep the whole file alive until the end.
          outcome.lines[diagnostic.line] = Substring(String(context.sourceLines[diagnostic.line - 1]))
        }
        outcome.summary = ReportSummary(context)
      } catch let error as InputError {
        outcome.error = error
      } catch {
        outcome.error = InputError(path: path, message: "\(error)")
      }
      return outcome
    }
    var run = Run()
    var summaries: [ReportSummary] = []
    for outcome in outcomes {
      if let error = outcome.error {
        run.inputErrors.append(error)
        continue
      }
      run.fileCount += 1
      if let summary = outcome.summary {
        summaries.append(summary)
        if !outcome.lines.isEmpty { run.lines[summary.path, default: [:]].merge(outcome.lines) { a, _ in a } }
      }
    }
    run.diagnostics = Self.merged(&outcomes, cross: crossReportDiagnostics(summaries, only: only))
    return run
  }

  /// Every diagnostic in `Diagnostic.ordered` order, built file by file: each file's own and
  /// cross-report diagnostics are sorted together, the files taken in path order, and each
  /// file's list freed as it is moved over. Holding two copies of every diagnostic and
  /// sorting them all at once was the largest memory peak of a lint over thousands of files.
  private static func merged(_ outcomes: inout [FileOutcome], cross: [Diagnostic]) -> [Diagnostic] {
    var crossByPath = Dictionary(grouping: cross, by: \.path)
    var groups: [(path: String, index: Int)] = []
    var total = cross.count
    for index in outcomes.indices where outcomes[index].error == nil {
      let path = outcomes[index].summary?.path ?? outcomes[index].diagnostics.first?.path ?? ""
      // A file's diagnostics all name it; anything else goes the general way below.
      guard outcomes[index].diagnostics.allSatisfy({ $0.path == path }) else {
        return generalMerge(&outcomes, cross: cross)
      }
      groups.append((path, index))
      total += outcomes[index].diagnostics.count
    }
    groups.sort { $0.path < $1.path }
    // The same path twice (a file named twice) makes groups that interleave.
    for (a, b) in zip(groups, groups.dropFirst()) where !(a.path < b.path) { return generalMerge(&outcomes, cross: cross) }
    var result: [Diagnostic] = []
    result.reserveCapacity(total)
    for group in groups {
      var diagnostics: [Diagnostic] = []
      swap(&diagnostics, &outcomes[group.index].diagnostics)
      if let extra = crossByPath.removeValue(forKey: group.path) { diagnostics += extra }
      diagnostics.sort(by: Diagnostic.ordered)
      result += diagnostics
    }
    if !crossByPath.isEmpty {
      result += crossByPath.values.joined()
      result.sort(by: Diagnostic.ordered)
    }
    return result
  }

  private static func generalMerge(_ outcomes: inout [FileOutcome], cross: [Diagnostic]) -> [Diagnostic] {
    var result = outcomes.flatMap(\.diagnostics) + cross
    result.sort(by: Diagnostic.ordered)
    return result
  }

  /// Lints contexts already parsed (tests, small runs); rules listed in `only` (when given)
  /// are the only ones run.
  public func lint(_ contexts: [LintContext], only: Set<String>? = nil) -> [Diagnostic] {
    let perFile = contexts.flatMap { fileDiagnostics($0, only: only) }
    let cross = crossReportDiagnostics(contexts.map(ReportSummary.init), only: only)
    return (perFile + cross).sorted(by: Diagnostic.ordered)
  }

  /// The per-file rules' diagnostics for one report, inline comments applied, with their
  /// fixes: what `--fix` and the language server work from.
  public func diagnostics(for context: LintContext, only: Set<String>? = nil) -> [Diagnostic] {
    fileDiagnostics(context, only: only).sorted(by: Diagnostic.ordered)
  }

  /// The per-file rules' diagnostics for one report, inline comments applied. Cross-report
  /// findings land on files too, so their comments are applied when those are known.
  private func fileDiagnostics(_ context: LintContext, only: Set<String>?) -> [Diagnostic] {
    var directives = InlineDirectives(lines: context.sourceLines)
    var diagnostics: [Diagnostic] = context.report.warnings.map { warning in
      Diagnostic(
        ruleId: "input", severity: .warning, message: warning.message, path: context.path,
        line: warning.line ?? 1, column: warning.column ?? 1)
    }
    var ran: Set<String> = []
    for rule in RuleRegistry.rules {
      let description = rule.description
      if let only, !only.contains(description.identifier) { continue }
      // A rule asked for by name (`--rule`) runs whatever the profile says.
      guard let severity = severity(of: description, path: context.path) ?? (only != nil ? description.severity : nil) else { continue }
      ran.insert(description.identifier)
      for finding in rule.init().validate(context) where !directives.suppresses(description.identifier, line: finding.line) {
        diagnostics.append(
          Diagnostic(
            ruleId: description.identifier, severity: severity, message: finding.message,
            path: context.path, line: finding.line, column: finding.column, note: finding.note, fix: finding.fix))
      }
    }
    if !directives.isEmpty, ran.contains(SuperfluousDirectiveRule.description.identifier),
      let severity = severity(of: SuperfluousDirectiveRule.description, path: context.path)
    {
      diagnostics += superfluousDirectives(&directives, context: context, ran: ran, severity: severity)
    }
    return diagnostics
  }

  /// `superfluous_directive`: each id a `retro-disable…` comment names that turned off no
  /// finding. Per-file rules the run left out (`--rule`) are run here too, on this file only
  /// and only when it has comments, so the answer does not depend on which rules were asked
  /// for. Ids of cross-report rules, unknown ids (`invalid_directive` names those), rules
  /// turned off in `.retro.yml`, and `all` when some rule is off, are not judged.
  private func superfluousDirectives(
    _ directives: inout InlineDirectives, context: LintContext, ran: Set<String>, severity: DiagnosticSeverity
  ) -> [Diagnostic] {
    let own = SuperfluousDirectiveRule.description.identifier
    var enabled: Set<String> = []
    var allEnabled = true
    for rule in RuleRegistry.rules {
      let id = rule.description.identifier
      guard id != own else { continue }
      guard self.severity(of: rule.description, path: context.path) != nil else {
        allEnabled = false
        continue
      }
      enabled.insert(id)
      if !ran.contains(id) {
        for finding in rule.init().validate(context) { _ = directives.suppresses(id, line: finding.line) }
      }
    }
    var result: [Diagnostic] = []
    for (index, directive) in directives.directives.enumerated() where !directive.isUnknownCommand && directive.command != "retro-enable" {
      for id in directive.ids where (id == "all" ? allEnabled : enabled.contains(id)) && !directives.wasUsed(index, id: id) {
        guard !directives.suppresses(own, line: directive.line) else { continue }
        let scope = directive.command == "retro-disable-file" ? "this file" : "the lines it covers"
        let what = id == "all" ? "no rule finds anything" : "\(id) finds nothing"
        result.append(
          Diagnostic(
            ruleId: own, severity: severity,
            message: "'\(directive.command) \(id)' turns off nothing: \(what) in \(scope); remove the comment",
            path: context.path, line: directive.line, column: 1))
      }
    }
    return result
  }

  private func crossReportDiagnostics(_ summaries: [ReportSummary], only: Set<String>?) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for rule in RuleRegistry.crossReportRules {
      let description = rule.description
      if let only, !only.contains(description.identifier) { continue }
      // On for some report: the rule runs, and each finding is kept where its report's
      // profile has it on.
      let paths = Set(summaries.map(\.path))
      let asked = only != nil
      guard asked || severity(of: description) != nil || paths.contains(where: { severity(of: description, path: $0) != nil }) else { continue }
      for (path, finding) in rule.init().validate(summaries, configuration: configuration) {
        guard let severity = severity(of: description, path: path) ?? (asked ? description.severity : nil) else { continue }
        diagnostics.append(
          Diagnostic(
            ruleId: description.identifier, severity: severity, message: finding.message, path: path,
            line: finding.line, column: finding.column, note: finding.note))
      }
    }
    return diagnostics
  }
}
