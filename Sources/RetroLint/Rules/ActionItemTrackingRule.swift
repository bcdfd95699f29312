import RetroCore

/// An open action item with neither a due date nor a ticket.
public struct ActionItemTrackingRule: Rule {
  public static let description = RuleDescription(
    identifier: "action_item_tracking", name: "Action Item Tracking",
    description: "An open action item has neither a due date nor a ticket.",
    rationale: "Work that lives only in a postmortem is forgotten; a ticket or a date puts it where the team plans.",
    severity: .warning,
    triggeringExamples: [RuleExample("## Action items\n\n↓- Add an alert on lag @ana\n")],
    nonTriggeringExamples: [
      RuleExample("## Action items\n\n- Add an alert on lag @ana OPS-12\n- Write a runbook @ben due 2024-03-01\n- [x] Roll back @ana\n"),
    ], tier: .convention)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    context.report.actionItems.filter { $0.status == .open && $0.due == nil && $0.tickets.isEmpty }.map { item in
      Finding("Action item '\(ActionItemOwnerRule.short(item.text))' has no due date and no ticket", line: item.line)
    }
  }
}
