import RetroCore

/// An Action items section with no items.
public struct NoActionItemsRule: Rule {
  public static let description = RuleDescription(
    identifier: "no_action_items", name: "No Action Items",
    description: "The action-items section lists no items retro can read.",
    rationale: "A postmortem without follow-up work changes nothing; items in prose cannot be tracked.",
    severity: .warning,
    triggeringExamples: [RuleExample("# Outage\n\n↓## Action items\n\nTo be decided at the review meeting.\n")],
    nonTriggeringExamples: [RuleExample("# Outage\n\n## Action items\n\n- Add an alert @ana PAY-1\n")], tier: .convention)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    guard context.report.actionItems.isEmpty, let section = context.report.section(.actionItems) else { return [] }
    return [Finding("The action items section has no items; list each as '- [ ] what @owner TICKET-1'", line: section.range.start.line)]
  }
}
