import RetroCore

/// An open action item with no owner.
public struct ActionItemOwnerRule: Rule {
  public static let description = RuleDescription(
    identifier: "action_item_owner", name: "Action Item Owner",
    description: "An open action item has no owner (@handle, Owner: name, an owner column or a [name] prefix).",
    rationale: "Items nobody owns are the ones still open a year later.",
    severity: .warning,
    triggeringExamples: [RuleExample("## Action items\n\n↓- Add an alert on lag PAY-12\n- [x] Roll back the change\n")],
    nonTriggeringExamples: [RuleExample("## Action items\n\n- Add an alert on lag @ana PAY-12\n- Write a runbook. Owner: Ben\n")], tier: .convention)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    context.report.actionItems.filter { $0.status == .open && $0.owners.isEmpty }.map { item in
      Finding("Action item '\(Self.short(item.text))' has no owner", line: item.line)
    }
  }

  static func short(_ text: String) -> String {
    text.count <= 50 ? text : String(text.prefix(49)) + "…"
  }
}
