import RetroCore

/// A severity outside the team's scale.
public struct SeverityScaleRule: Rule {
  public static let description = RuleDescription(
    identifier: "severity_scale", name: "Severity Scale",
    description: "The severity is not one of the configured scale (SEV1 to SEV5 by default).",
    rationale: "Statistics by severity only work when every report uses the same words.",
    severity: .warning,
    triggeringExamples: [RuleExample("---\ntitle: x\n↓severity: Critical-ish\n---\n")],
    nonTriggeringExamples: [RuleExample("---\nseverity: sev-2\n---\n"), RuleExample("**Severity:** SEV1\n")], tier: .convention)

  public init() {}

  static func key(_ text: String) -> String { SeverityName.key(text) }

  public func validate(_ context: LintContext) -> [Finding] {
    guard let severity = context.report.severity else { return [] }
    let scale = context.configuration.severityScale
    guard !scale.map(Self.key).contains(Self.key(severity)) else { return [] }
    return [
      Finding(
        "Severity '\(severity)' is not on the scale \(TextSearch.list(scale))", line: context.line(ofKey: "severity"))
    ]
  }
}
