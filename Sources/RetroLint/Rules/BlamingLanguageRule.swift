import RetroCore

/// Language that blames people.
public struct BlamingLanguageRule: Rule {
  public static let description = RuleDescription(
    identifier: "blaming_language", name: "Blaming Language",
    description: "The report uses blaming words such as \"X's fault\", \"should have known\", \"careless\" or \"negligent\".",
    rationale: "Postmortems are blameless: blame makes people hide what happened, and the next report less honest.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("# Outage\n\n## Summary\n\n↓It was Sam's fault; he ↓should have known better.\n"),
      RuleExample("# Outage\n\n## What went wrong\n\n- ↓Careless review of the change\n"),
      RuleExample("# Outage\n\n## Summary\n\n↓It was Sam's fault.\n\n↓Ops failed to notice the alert, and ↓Bob ignored the page.\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("# Outage\n\n## Summary\n\nThis is a blameless review of a fault in the cache.\n"),
      RuleExample("# Outage\n\n## Summary\n\nThe lazy-loaded module and lazy loading were slow.\n"),
    ])

  public init() {}

  static let matcher = PhraseMatcher(phrases)

  static let phrases = [
    "'s fault", "’s fault", "fault of", "should have known", "careless", "negligent", "negligence",
    "incompetent", "incompetence", "sloppy", "stupid", "should have been more careful",
    "to blame", "blamed", "screwed up", "dropped the ball", "irresponsible", "reckless",
    "carelessly", "failed to notice", "ignored the page", "ignored the alert", "ignored the alarm",
    "didn't bother", "did not bother", "should have noticed", "human error by",
  ]

  public func validate(_ context: LintContext) -> [Finding] {
    context.proseLines().compactMap { number, line in
      guard let hit = context.configuration.phrases.blaming.firstMatch(in: line) else { return nil }
      return Finding("Blaming language ('\(hit.phrase.trimmingCharacters(in: ["'", "’"]))'); describe what happened, not who is at fault", line: number, column: hit.column)
    }
  }
}
