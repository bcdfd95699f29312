import RetroCore

/// An action item with nothing to measure it by.
public struct VagueActionItemRule: Rule {
  public static let description = RuleDescription(
    identifier: "vague_action_item", name: "Vague Action Item",
    description: "An action item is vague (\"investigate\", \"look into\", \"be more careful\", \"improve monitoring\") with nothing measurable.",
    rationale: "A vague item cannot be finished; say what changes and how you will know it is done.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("## Action items\n\n↓- Investigate the login service @ana\n↓- Be more careful with deploys\n↓- Improve monitoring\n"),
      // Tracked and owned, still vague; a question; ways to find.
      RuleExample(
        "## Action items\n\n↓- Be more careful with deploys @dave due 2026-12-20\n↓- Should we add retries?\n↓- Find ways to make the queue more resilient\n↓- We should consider a versioned API\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("## Action items\n\n- Investigate why p99 exceeded 2s, tracked in OPS-42\n- Alert when queue lag is over 5 minutes\n"),
      // Leading with something anyone can do; an exploration that says its outcome.
      RuleExample("## Action items\n\n- Open a ticket with the vendor to investigate the crash\n- Revisit the on-call rotation to make sure everyone can page the database team\n"),
    ])

  public init() {}

  /// Vague however the item is tracked: an owner and a due date do not make "be more
  /// careful" something anyone can finish.
  static let attitudes = PhraseMatcher([
    "be more careful", "more careful", "be more vigilant", "pay more attention", "think about",
    "find ways to", "find a way to", "look deeper", "double check", "double-check", "more resilient",
    "more robust", "more reliable", "be careful", "be aware",
  ])
  /// Vague unless a ticket or a number pins them down.
  static let improvements = PhraseMatcher([
    "improve monitoring", "better monitoring", "more monitoring", "monitor more closely", "improve alerting",
    "better alerting", "improve communication", "better communication", "more testing", "test more",
    "improve testing", "better testing", "improve documentation", "strategy", "try to",
  ])
  /// How an item written as a question starts (`Can we …?`, `Something about …?`).
  static let questionWords: Set<String> = [
    "can", "could", "should", "shall", "would", "will", "do", "does", "did", "is", "are", "was", "how", "what",
    "why", "when", "where", "which", "who", "maybe", "something",
  ]
  /// Exploration verbs: vague when they lead the item (after "we should", "Ana to"), with no
  /// ticket and no outcome stated ("to make sure …", "so that …"). "Open a ticket to
  /// investigate the crash" leads with something anyone can do.
  static let explorations = ["investigate", "look into", "looking into", "explore", "consider", "revisit"]
  static let leads = ["we should ", "we will ", "we need to ", "we must ", "we'll ", "should ", "we could ", "team to ", "we "]
  static let outcomes = ["to make sure", "to ensure", "so that", "in order to"]

  /// The phrases `vague_action_item` looks for, for documentation and the editor's hover.
  static var phrases: [String] { attitudes.phrases + improvements.phrases + explorations }

  public func validate(_ context: LintContext) -> [Finding] {
    let phrases = context.configuration.phrases
    return context.report.actionItems.compactMap { item in
      guard item.status == .open else { return nil }
      let phrase: String
      if let hit = phrases.vagueAttitudes.firstMatch(in: Substring(item.text)) {
        phrase = hit.phrase
      } else if item.text.trimmingWhitespace().hasSuffix("?"),
        let first = item.text.split(separator: " ").first.map({ $0.lowercased() }), Self.questionWords.contains(first)
      {
        phrase = "a question"
      } else if item.tickets.isEmpty, !item.text.contains(where: \.isNumber) {
        if let hit = phrases.vagueImprovements.firstMatch(in: Substring(item.text)) {
          phrase = hit.phrase
        } else if let lead = Self.leadingExploration(item.text, explorations: phrases.vagueExplorations) {
          phrase = lead
        } else {
          return nil
        }
      } else {
        return nil
      }
      let what = phrase == "a question" ? "is a question" : "is vague ('\(phrase)')"
      return Finding(
        "Action item '\(ActionItemOwnerRule.short(item.text))' \(what); say what will change and how you will know it is done",
        line: item.line)
    }
  }

  /// The exploration verb the item leads with, when it states no outcome.
  static func leadingExploration(_ text: String, explorations: [String]) -> String? {
    var lowered = text.lowercased().trimmingWhitespace()
    if outcomes.contains(where: { lowered.contains($0) }) { return nil }
    var changed = true
    while changed {
      changed = false
      for lead in leads where lowered.hasPrefix(lead) {
        lowered = String(lowered.dropFirst(lead.count))
        changed = true
      }
      // `Ana to investigate …`, `@ana: explore …`
      let words = lowered.split(separator: " ", maxSplits: 2)
      if words.count == 3, words[1] == "to", words[0].allSatisfy({ $0.isLetter || $0 == "@" }) {
        lowered = String(words[2])
        changed = true
      }
    }
    return explorations.first { lowered.hasPrefix($0 + " ") || lowered == $0 }
  }
}
