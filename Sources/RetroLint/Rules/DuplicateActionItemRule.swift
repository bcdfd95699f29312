import RetroCore

/// The same action item twice in one report.
public struct DuplicateActionItemRule: Rule {
  public static let description = RuleDescription(
    identifier: "duplicate_action_item", name: "Duplicate Action Item",
    description: "The same action item appears twice in one report.",
    rationale: "Duplicates split ownership and make the count of open work wrong.",
    severity: .warning,
    triggeringExamples: [RuleExample("## Action items\n\n- Add an alert on queue lag\n↓- add an alert on queue lag.\n")],
    nonTriggeringExamples: [RuleExample("## Action items\n\n- Add an alert on queue lag\n- Add an alert on error rate\n")])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    var seen: [String: ActionItem] = [:]
    var findings: [Finding] = []
    for item in context.report.actionItems {
      let key = TextSimilarity.words(item.text).joined(separator: " ")
      guard !key.isEmpty else { continue }
      if let first = seen[key] {
        findings.append(
          Finding(
            "Action item '\(ActionItemOwnerRule.short(item.text))' repeats an earlier item", line: item.line,
            note: .init(message: "the first", path: context.path, line: first.line)))
      } else {
        seen[key] = item
      }
    }
    return findings
  }
}
