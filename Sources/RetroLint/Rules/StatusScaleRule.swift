import RetroCore

/// A status outside the team's workflow.
public struct StatusScaleRule: Rule {
  public static let description = RuleDescription(
    identifier: "status_scale", name: "Status Scale",
    description: "The status is not one of the configured workflow (draft, in-review, final, published by default).",
    rationale: "Publishing and dashboards decide what is finished from the status; an unknown word is neither draft nor final.",
    severity: .warning,
    triggeringExamples: [RuleExample("---\n↓status: pending-ish\n---\n")],
    nonTriggeringExamples: [RuleExample("---\nstatus: In Review\n---\n"), RuleExample("---\nstatus: draft\n---\n")], tier: .convention)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    guard let status = context.report.status else { return [] }
    let scale = context.configuration.statusScale
    guard !scale.map(SeverityScaleRule.key).contains(SeverityScaleRule.key(status)) else { return [] }
    return [Finding("Status '\(status)' is not one of \(TextSearch.list(scale))", line: context.line(ofKey: "status"))]
  }
}
