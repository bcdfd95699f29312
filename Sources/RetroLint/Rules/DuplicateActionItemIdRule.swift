import RetroCore

/// An explicit action-item id used twice, in one report or across reports.
public struct DuplicateActionItemIdRule: CrossReportRule {
  public static let description = RuleDescription(
    identifier: "duplicate_action_item_id", name: "Duplicate Action Item Id",
    description: "An explicit action-item id such as AI-7 is used more than once across the reports.",
    rationale: "Ids are how items are tracked from report to ticket to dashboard; two items with one id get merged.",
    severity: .error,
    triggeringExamples: [
      RuleExample(files: [
        ("2024-01-01-a.md", "## Action items\n\n- [AI-7] Add an alert\n"),
        ("2024-02-01-b.md", "## Action items\n\n↓- [AI-7] Write a runbook\n"),
      ])
    ],
    nonTriggeringExamples: [
      RuleExample(files: [
        ("2024-01-01-a.md", "## Action items\n\n- [AI-7] Add an alert\n"),
        ("2024-02-01-b.md", "## Action items\n\n- [AI-8] Write a runbook\n"),
      ])
    ])

  public init() {}

  public func validate(_ reports: [ReportSummary], configuration: LintConfiguration) -> [(path: String, finding: Finding)] {
    // First pass: collect every explicit id with where it is.
    var firstSeen: [String: (path: String, line: Int)] = [:]
    var results: [(path: String, finding: Finding)] = []
    for context in reports.sorted(by: { $0.path < $1.path }) {
      for item in context.actionItems where item.explicitId {
        // Second pass, folded in: every later use is a finding pointing at the first.
        if let first = firstSeen[item.id] {
          results.append(
            (context.path,
             Finding(
              "Action item id \(item.id) is already used", line: item.line,
              note: .init(message: "first used here", path: first.path, line: first.line))))
        } else {
          firstSeen[item.id] = (context.path, item.line)
        }
      }
    }
    return results
  }
}
