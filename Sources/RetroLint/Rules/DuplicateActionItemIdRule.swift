import RetroCore

/// An explicit action-item id used twice, in one report or across reports.
///
/// Ids of the form `AI-<number>`, which `retro new` and `--fix` write, are numbered per
/// report: `AI-1` in two reports are two items (the index keys items by report and id), so
/// they are compared only within their report. Any other id (`AR-12`, `ACT-7`)
/// is meant to be global and is compared across every report.
public struct DuplicateActionItemIdRule: CrossReportRule {
  public static let description = RuleDescription(
    identifier: "duplicate_action_item_id", name: "Duplicate Action Item Id",
    description: "An explicit action-item id is used twice: an AI-n id (numbered per report) within its report, any other id (AR-7) across the reports.",
    rationale: "Ids are how items are tracked from report to ticket to dashboard; two items with one id get merged. AI-n ids are numbered per report, so two reports made the documented way never collide.",
    severity: .error,
    triggeringExamples: [
      RuleExample(files: [
        ("2024-01-01-a.md", "## Action items\n\n- [AR-7] Add an alert\n"),
        ("2024-02-01-b.md", "## Action items\n\n↓- [AR-7] Write a runbook\n"),
      ]),
      RuleExample(files: [("2024-01-01-a.md", "## Action items\n\n- [AI-1] Add an alert\n↓- [AI-1] Write a runbook\n")]),
    ],
    nonTriggeringExamples: [
      RuleExample(files: [
        ("2024-01-01-a.md", "## Action items\n\n- [AR-7] Add an alert\n"),
        ("2024-02-01-b.md", "## Action items\n\n- [AR-8] Write a runbook\n"),
      ]),
      RuleExample(files: [
        ("2024-01-01-a.md", "## Action items\n\n- [AI-1] Add an alert\n"),
        ("2024-02-01-b.md", "## Action items\n\n- [AI-1] Write a runbook\n"),
      ]),
    ])

  public init() {}

  public func validate(_ reports: [ReportSummary], configuration: LintConfiguration) -> [(path: String, finding: Finding)] {
    // First pass: collect every explicit id with where it is.
    var firstSeen: [String: (path: String, line: Int)] = [:]
    // A report's own `AI-n` ids are keyed by the report too.
    func key(_ id: String, _ path: String) -> String { Self.isReportLocal(id) ? path + "\u{0}" + id : id }
    var results: [(path: String, finding: Finding)] = []
    for context in reports.sorted(by: { $0.path < $1.path }) {
      for item in context.actionItems where item.explicitId {
        // Second pass, folded in: every later use is a finding pointing at the first.
        if let first = firstSeen[key(item.id, context.path)] {
          results.append(
            (context.path,
             Finding(
              "Action item id \(item.id) is already used", line: item.line,
              note: .init(message: "first used here", path: first.path, line: first.line))))
        } else {
          firstSeen[key(item.id, context.path)] = (context.path, item.line)
        }
      }
    }
    return results
  }

  /// `AI-12`: the per-report form retro writes.
  static func isReportLocal(_ id: String) -> Bool {
    id.hasPrefix("AI-") && id.count > 3 && id.dropFirst(3).allSatisfy { $0.isASCII && $0.isNumber }
  }
}
