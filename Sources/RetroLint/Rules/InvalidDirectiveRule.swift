import RetroCore

/// A `<!-- retro-… -->` comment retro cannot follow: a misspelled command or rule id turns
/// nothing off, and without this rule it would do so in silence.
public struct InvalidDirectiveRule: Rule {
  public static let description = RuleDescription(
    identifier: "invalid_directive", name: "Invalid Directive",
    description: "A '<!-- retro-… -->' comment names a command or a rule retro does not have, so it turns nothing off.",
    rationale: "A misspelled 'retro-disable vague_actio_item' looks as if it silenced a rule; the finding it was meant for then shows up, or worse, the author believes a check ran that did not.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("## Action items\n\n↓<!-- retro-disable vague_actio_item -->\n- [ ] Investigate the cache @ana\n"),
      RuleExample("↓<!-- retro-disabel-next-line placeholder_text -->\nTBD\n"),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "<!-- retro-disable vague_action_item, action_item_owner -->\n- [ ] Investigate the cache\n<!-- retro-enable vague_action_item action_item_owner -->\n<!-- retro-disable-file all -->\n<!-- a plain comment -->\n")
    ])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let directives = InlineDirectives(lines: context.sourceLines)
    guard !directives.isEmpty else { return [] }
    let known = RuleRegistry.identifiers
    var findings: [Finding] = []
    for directive in directives.directives {
      if directive.isUnknownCommand {
        findings.append(
          Finding(
            "'\(directive.command)' is not a retro comment, so it turns nothing off"
              + (NearestName.suggestion(for: directive.command, among: InlineDirectives.commands).map { " (did you mean '\($0)'?)" }
                ?? "; use one of \(InlineDirectives.commands.joined(separator: ", "))"), line: directive.line))
        continue
      }
      for id in directive.ids where id != "all" && !known.contains(id) {
        findings.append(
          Finding(
            "'\(id)' is not a rule, so '\(directive.command)' turns nothing off for it"
              + (NearestName.suggestion(for: id, among: known).map { " (did you mean '\($0)'?)" } ?? "; 'retro rules' lists them"),
            line: directive.line))
      }
    }
    return findings
  }
}
