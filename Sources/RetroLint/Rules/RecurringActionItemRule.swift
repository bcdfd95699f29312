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

  public func validate(_ reports: [ReportSummary], configuration: LintConfiguration) -> [(path: String, finding: Finding)] {
    let threshold = configuration.similarityThreshold
    // Every item of a dated report, oldest report first, in one similarity index.
    let dated = reports.compactMap { report in report.date.map { (report, $0) } }
      .sorted { ($0.1, $0.0.path) < ($1.1, $1.0.path) }
    var items: [ActionItem] = []
    var owner: [Int] = []
    // The first item of each date: items before it come from strictly earlier incidents.
    var firstOfDate: [Int] = []
    for (reportIndex, (report, date)) in dated.enumerated() {
      let start = reportIndex > 0 && dated[reportIndex - 1].1 == date ? firstOfDate[reportIndex - 1] : items.count
      firstOfDate.append(start)
      for item in report.actionItems {
        items.append(item)
        owner.append(reportIndex)
      }
    }
    let index = SimilarityIndex(texts: items.map(\.text), threshold: threshold)
    // An open item matching an item of a strictly earlier incident: the earliest such item.
    var results: [(path: String, finding: Finding)] = []
    for item in items.indices where items[item].status == .open {
      let best = index.earliestMatch(of: item, below: firstOfDate[owner[item]])
      guard let match = best else { continue }
      let earlier = dated[owner[match]]
      // The same incident written up twice (a log's entry and its own report) is no repeat.
      let itemDate = dated[owner[item]].0.incidentDates[items[item].line] ?? dated[owner[item]].1
      let matchDate = earlier.0.incidentDates[items[match].line] ?? earlier.1
      if itemDate == matchDate { continue }
      results.append(
        (dated[owner[item]].0.path,
         Finding(
          "Action item '\(ActionItemOwnerRule.short(items[item].text))' repeats one from the \(earlier.1) incident",
          line: items[item].line,
          note: .init(message: "the earlier item (\(items[match].status.rawValue))", path: earlier.0.path, line: items[match].line))))
    }
    return results
  }
}
