/// What a rule is, for `retro rules`, SARIF rule metadata and the rule's own tests.
public struct RuleDescription: Sendable {
  /// snake_case, used in configuration, inline comments and output.
  public var identifier: String
  /// Title Case.
  public var name: String
  /// One sentence.
  public var description: String
  /// Why a reviewer of postmortems cares.
  public var rationale: String
  public var severity: DiagnosticSeverity
  public var triggeringExamples: [RuleExample]
  public var nonTriggeringExamples: [RuleExample]
  /// True when `retro lint --fix` (and the editor's quick fix) can fix what the rule finds.
  public var fixable: Bool
  /// Which profiles turn it on without being asked.
  public var tier: RuleTier

  public init(
    identifier: String, name: String, description: String, rationale: String,
    severity: DiagnosticSeverity, triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample],
    fixable: Bool = false, tier: RuleTier = .standard
  ) {
    self.identifier = identifier
    self.name = name
    self.description = description
    self.rationale = rationale
    self.severity = severity
    self.triggeringExamples = triggeringExamples
    self.nonTriggeringExamples = nonTriggeringExamples
    self.fixable = fixable
    self.tier = tier
  }
}
