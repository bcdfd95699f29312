import RetroCore

/// An action item with nothing to measure it by.
public struct VagueActionItemRule: Rule {
  public static let description = RuleDescription(
    identifier: "vague_action_item", name: "Vague Action Item",
    description: "An action item is vague (\"investigate\", \"look into\", \"be more careful\", \"improve monitoring\") with nothing measurable.",
    rationale: "A vague item cannot be finished; say what changes and how you will know it is done.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("## Action items\n\n↓- Investigate the login service @ana\n↓- Be more careful with deploys\n↓- Improve monitoring\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("## Action items\n\n- Investigate why p99 exceeded 2s, tracked in OPS-42\n- Alert when queue lag is over 5 minutes\n"),
    ])

  public init() {}

  static let matcher = PhraseMatcher(phrases)

  static let phrases = [
    "investigate", "look into", "looking into", "be more careful", "more careful", "improve monitoring",
    "better monitoring", "more monitoring", "monitor more closely", "improve alerting", "better alerting",
    "improve communication", "better communication", "be more vigilant", "pay more attention",
    "think about", "try to", "explore", "revisit", "double check", "double-check", "more testing",
    "test more", "improve testing", "better testing", "improve documentation", "consider",
  ]

  public func validate(_ context: LintContext) -> [Finding] {
    context.report.actionItems.compactMap { item in
      guard item.status == .open, item.tickets.isEmpty, !item.text.contains(where: \.isNumber),
        let hit = Self.matcher.firstMatch(in: Substring(item.text))
      else { return nil }
      return Finding(
        "Action item '\(ActionItemOwnerRule.short(item.text))' is vague ('\(hit.phrase)'); say what will change and how you will know it is done",
        line: item.line)
    }
  }
}
