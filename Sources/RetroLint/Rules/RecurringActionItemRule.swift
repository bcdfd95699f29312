import RetroCore

/// An open item that repeats an item of an earlier incident.
public struct RecurringActionItemRule: CrossReportRule {
  public static let description = RuleDescription(
    identifier: "recurring_action_item", name: "Recurring Action Item",
    description: "An open action item says the same as an item of an earlier report.",
    rationale: "The same fix promised twice means the first one did not happen or did not work; that is worth a conversation.",
    severity: .warning,
    triggeringExamples: [
      RuleExample(files: [
        ("2024-01-01-a.md", "## Action items\n\n- Add an alert on replication lag for the orders database\n"),
        ("2024-05-01-b.md", "## Action items\n\n↓- Add alert on orders database replication lag\n"),
      ])
    ],
    nonTriggeringExamples: [
      RuleExample(files: [
        ("2024-01-01-a.md", "## Action items\n\n- Add an alert on replication lag for the orders database\n"),
        ("2024-05-01-b.md", "## Action items\n\n- Rotate the TLS certificates automatically\n"),
      ])
    ])

  public init() {}

  public func validate(_ contexts: [LintContext]) -> [(path: String, finding: Finding)] {
    let threshold = contexts.first?.configuration.similarityThreshold ?? 0.75
    // Collect: every item with its report's date, oldest first.
    let dated = contexts.compactMap { context in context.report.date.map { (context, $0) } }
      .sorted { ($0.1, $0.0.path) < ($1.1, $1.0.path) }
    var results: [(path: String, finding: Finding)] = []
    for (index, (context, date)) in dated.enumerated() {
      for item in context.report.actionItems where item.status == .open {
        for (earlier, earlierDate) in dated[..<index] where earlierDate < date {
          guard let match = earlier.report.actionItems.first(where: {
            TextSimilarity.similarity($0.text, item.text) >= threshold
          }) else { continue }
          results.append(
            (context.path,
             Finding(
              "Action item '\(ActionItemOwnerRule.short(item.text))' repeats one from the \(earlierDate) incident", line: item.line,
              note: .init(message: "the earlier item (\(match.status.rawValue))", path: earlier.path, line: match.line))))
          break
        }
      }
    }
    return results
  }
}
