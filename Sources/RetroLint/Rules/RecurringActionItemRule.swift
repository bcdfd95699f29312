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
    // First pass: every item of a dated report with its tokens, oldest report first.
    let dated = reports.compactMap { report in report.date.map { (report, $0) } }
      .sorted { ($0.1, $0.0.path) < ($1.1, $1.0.path) }
    var items: [ActionItem] = []
    var owner: [Int] = []
    var tokens: [[String]] = []
    var frequency: [String: Int] = [:]
    for (reportIndex, (report, _)) in dated.enumerated() {
      for item in report.actionItems {
        let set = TextSimilarity.tokens(item.text)
        for token in set { frequency[token, default: 0] += 1 }
        items.append(item)
        owner.append(reportIndex)
        tokens.append(Array(set))
      }
    }
    // Prefix filtering: with tokens ordered rarest first, two sets whose similarity reaches
    // the threshold must share a token among the first |A| - ceil(t·|A|) + 1 of each. Only
    // those prefixes are indexed and probed, so common words cost nothing.
    var prefixes: [[String]] = []
    var postings: [String: [Int]] = [:]
    for index in items.indices {
      let ordered = tokens[index].sorted { (frequency[$0] ?? 0, $0) < (frequency[$1] ?? 0, $1) }
      let length = ordered.count - Int((threshold * Double(ordered.count)).rounded(.up)) + 1
      let prefix = Array(ordered.prefix(max(0, length)))
      prefixes.append(prefix)
      for token in prefix { postings[token, default: []].append(index) }
    }
    let sets = tokens.map(Set.init)
    // Second pass: an open item matching an item of a strictly earlier incident.
    var results: [(path: String, finding: Finding)] = []
    for index in items.indices where items[index].status == .open {
      let date = dated[owner[index]].1
      var best: Int?
      var seen = Set<Int>()
      for token in prefixes[index] {
        // Postings are in report order, oldest first: the first match in a list is its
        // earliest, and items from this date on cannot match.
        for other in postings[token] ?? [] {
          if dated[owner[other]].1 >= date { break }
          if let current = best, other >= current { break }
          guard seen.insert(other).inserted, TextSimilarity.similarity(sets[other], sets[index]) >= threshold else { continue }
          best = other
          break
        }
      }
      guard let match = best else { continue }
      let earlier = dated[owner[match]]
      results.append(
        (dated[owner[index]].0.path,
         Finding(
          "Action item '\(ActionItemOwnerRule.short(items[index].text))' repeats one from the \(earlier.1) incident",
          line: items[index].line,
          note: .init(message: "the earlier item (\(items[match].status.rawValue))", path: earlier.0.path, line: items[match].line))))
    }
    return results
  }
}
