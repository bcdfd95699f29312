import Foundation
import RetroCore

/// Runs the rules over reports and turns their findings into diagnostics: severity from the
/// configuration, inline `retro-disable` comments honoured, output sorted.
public struct Linter: Sendable {
  public var configuration: LintConfiguration
  /// Built once: its heading vocabulary is not free to make.
  private let parser: IncidentParser

  public init(configuration: LintConfiguration) {
    self.configuration = configuration
    self.parser = IncidentParser(configuration: configuration.parser)
  }

  /// The setting in force for a rule: its severity, or nil when it is off.
  public func severity(of description: RuleDescription) -> DiagnosticSeverity? {
    switch configuration.rules[description.identifier] {
    case .off?: return nil
    case .severity(let severity)?: return severity
    case .on?, nil: return description.severity
    }
  }

  /// Parses `source` into a lint context.
  public func context(for source: SourceFile) throws -> LintContext {
    let parsed = try parser.parseDocument(source)
    return LintContext(path: source.path, parsed: parsed, configuration: configuration, text: source.text)
  }

  /// Lints every context; rules listed in `only` (when given) are the only ones run.
  public func lint(_ contexts: [LintContext], only: Set<String>? = nil) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var directives: [String: InlineDirectives] = [:]
    for context in contexts {
      directives[context.path] = InlineDirectives(lines: context.sourceLines)
      for warning in context.report.warnings {
        diagnostics.append(
          Diagnostic(
            ruleId: "input", severity: .warning, message: warning.message, path: context.path,
            line: warning.line ?? 1, column: warning.column ?? 1))
      }
    }
    for rule in RuleRegistry.rules {
      let description = rule.description
      if let only, !only.contains(description.identifier) { continue }
      guard let severity = severity(of: description) else { continue }
      let instance = rule.init()
      for context in contexts {
        for finding in instance.validate(context) {
          diagnostics.append(
            Diagnostic(
              ruleId: description.identifier, severity: severity, message: finding.message,
              path: context.path, line: finding.line, column: finding.column, note: finding.note))
        }
      }
    }
    for rule in RuleRegistry.crossReportRules {
      let description = rule.description
      if let only, !only.contains(description.identifier) { continue }
      guard let severity = severity(of: description) else { continue }
      for (path, finding) in rule.init().validate(contexts) {
        diagnostics.append(
          Diagnostic(
            ruleId: description.identifier, severity: severity, message: finding.message, path: path,
            line: finding.line, column: finding.column, note: finding.note))
      }
    }
    return diagnostics.filter { diagnostic in
      !(directives[diagnostic.path]?.isDisabled(diagnostic.ruleId, line: diagnostic.line) ?? false)
    }.sorted(by: Diagnostic.ordered)
  }
}
