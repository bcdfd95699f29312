import RetroCore

/// Action items without an id of their own.
public struct ActionItemIdRule: Rule {
  public static let description = RuleDescription(
    identifier: "action_item_id", name: "Action Item Id",
    description: "Action items have no id of their own ('[AI-3]'); one finding per report, at the first of them.",
    rationale: "An item without an id is tracked by a hash of its words, so rewording it starts a new item; an id keeps its history, its ticket and its recurrences together.",
    severity: .info,
    triggeringExamples: [RuleExample("## Action items\n\n↓- Add an alert on lag @ana\n- [AI-2] Write a runbook @ben\n")],
    nonTriggeringExamples: [RuleExample("## Action items\n\n- [AI-1] Add an alert on lag @ana\n- AI-2: Write a runbook @ben\n")],
    fixable: true, tier: .convention)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let items = context.report.actionItems
    let missing = items.filter { !$0.explicitId }
    guard let first = missing.first else { return [] }
    let id = "[AI-\(Self.firstFreeNumber(items))]"
    let message = missing.count == 1
      ? "Action item '\(ActionItemOwnerRule.short(first.text))' has no id; write one such as '\(id)' before its text"
      : "\(missing.count) action items have no id, the first '\(ActionItemOwnerRule.short(first.text))'; write one such as '\(id)' before each item's text"
    return [Finding(message, line: first.line, fix: context.fix { Self.fix(context) })]
  }

  /// One more than the highest `AI-n` the report uses.
  static func firstFreeNumber(_ items: [ActionItem]) -> Int {
    1 + items.filter(\.explicitId).compactMap { item -> Int? in
      guard item.id.hasPrefix("AI-") else { return nil }
      return Int(item.id.dropFirst(3))
    }.reduce(0, max)
  }

  /// Ids `AI-n` after the highest one the report uses, in document order, for every item
  /// written as a list item (items in tables and headings keep what they have).
  static func fix(_ context: LintContext) -> Fix? {
    let items = context.report.actionItems
    var next = firstFreeNumber(items)
    var edits: [TextEdit] = []
    var lines = Set<Int>()
    for item in items where !item.explicitId && item.line >= 1 && item.line <= context.sourceLines.count {
      // One item a line: two items read from one line are not list items.
      guard lines.insert(item.line).inserted, !context.codeLines.contains(item.line) else { continue }
      let line = context.sourceLines[item.line - 1]
      guard let parts = ListItemLine(line), parts.textStart < line.utf8.count else { continue }
      let rest = line.utf8.dropFirst(parts.textStart)
      // Markers read before an id (strike-through, `DONE:`) must stay first, and a bold lead
      // is the item's text or a label.
      if rest.starts(with: "~~".utf8) || rest.starts(with: "**".utf8) || rest.starts(with: "__".utf8) || rest.starts(with: "DONE".utf8) || rest.starts(with: "Done:".utf8)
        || rest.starts(with: "Completed".utf8) || rest.starts(with: "COMPLETED".utf8)
      {
        continue
      }
      edits.append(.insert("[AI-\(next)] ", line: item.line, column: parts.textStart))
      next += 1
    }
    guard !edits.isEmpty else { return nil }
    return Fix(edits.count == 1 ? "Give the action item an id" : "Give \(edits.count) action items ids", edits: edits)
  }
}
