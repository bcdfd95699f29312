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

  private struct Candidate {
    var report: Int
    var item: ActionItem
    var tokens: Set<String>
  }

  public func validate(_ contexts: [LintContext]) -> [(path: String, finding: Finding)] {
    let threshold = contexts.first?.configuration.similarityThreshold ?? 0.75
    // First pass: every item of a dated report, with its tokens, oldest report first, and an
    // inverted index from token to items so each item is compared only with items sharing a
    // word (a linear pass instead of every pair).
    let dated = contexts.compactMap { context in context.report.date.map { (context, $0) } }
      .sorted { ($0.1, $0.0.path) < ($1.1, $1.0.path) }
    var candidates: [Candidate] = []
    var byToken: [String: [Int]] = [:]
    for (reportIndex, (context, _)) in dated.enumerated() {
      for item in context.report.actionItems {
        let tokens = TextSimilarity.tokens(item.text)
        for token in tokens { byToken[token, default: []].append(candidates.count) }
        candidates.append(Candidate(report: reportIndex, item: item, tokens: tokens))
      }
    }
    // Second pass: an open item matching an item of a strictly earlier incident.
    var results: [(path: String, finding: Finding)] = []
    for candidate in candidates where candidate.item.status == .open {
      let date = dated[candidate.report].1
      var best: Candidate?
      var seen = Set<Int>()
      for token in candidate.tokens {
        for other in byToken[token] ?? [] where seen.insert(other).inserted {
          let earlier = candidates[other]
          guard dated[earlier.report].1 < date,
            TextSimilarity.similarity(earlier.tokens, candidate.tokens) >= threshold
          else { continue }
          if best.map({ (dated[earlier.report].1, earlier.report) < (dated[$0.report].1, $0.report) }) ?? true { best = earlier }
        }
      }
      guard let match = best else { continue }
      let earlier = dated[match.report]
      results.append(
        (dated[candidate.report].0.path,
         Finding(
          "Action item '\(ActionItemOwnerRule.short(candidate.item.text))' repeats one from the \(earlier.1) incident",
          line: candidate.item.line,
          note: .init(message: "the earlier item (\(match.item.status.rawValue))", path: earlier.0.path, line: match.item.line))))
    }
    return results
  }
}
