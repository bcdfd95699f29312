import RetroCore

/// A `retro-disable…` comment that turns off nothing: the rule it names finds nothing where
/// it applies. Left behind after the text it was for was fixed, it would hide the next real
/// finding there (ESLint's `--report-unused-disable-directives`, SwiftLint's
/// `superfluous_disable_command`).
///
/// It needs to know what the other rules found and which comment turned each off, so the
/// linter reports it (`Linter.superfluousDirectives`) and `validate` finds nothing itself.
public struct SuperfluousDirectiveRule: Rule {
  public static let description = RuleDescription(
    identifier: "superfluous_directive", name: "Superfluous Directive",
    description: "A 'retro-disable' comment turns off a rule that finds nothing where the comment applies.",
    rationale: "A comment that silences nothing is noise today and hides tomorrow's real finding in the same lines; remove it once the text it was for is fixed.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("## Action items\n\n↓<!-- retro-disable-next-line vague_action_item -->\n- [ ] Add a p99 latency alert on checkout @ana PAY-1 due 2024-05-01\n")
    ],
    nonTriggeringExamples: [
      RuleExample("## Action items\n\n<!-- retro-disable-next-line vague_action_item -->\n- [ ] Investigate the cache\n"),
      RuleExample("<!-- retro-disable-next-line not_a_rule -->\nText\n"),
    ])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] { [] }
}
