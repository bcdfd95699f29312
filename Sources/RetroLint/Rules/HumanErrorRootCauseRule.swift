import RetroCore

/// "Human error" (or a person) given as the root cause.
public struct HumanErrorRootCauseRule: Rule {
  public static let description = RuleDescription(
    identifier: "human_error_root_cause", name: "Human Error Root Cause",
    description: "The root cause names human error or a person instead of the system that let the mistake through.",
    rationale: "People will always make mistakes; a blameless review asks why the system made this one easy and its effect large.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("# Outage\n\n## Root causes\n\n↓The root cause was human error during the deploy.\n"),
      RuleExample("# Outage\n\n## Root cause\n\n↓@sam ran the wrong script.\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("# Outage\n\n## Root causes\n\nThe deploy script accepted a production target without confirmation.\n"),
    ], tier: .optIn)

  public init() {}

  static let matcher = PhraseMatcher(phrases)

  static let phrases = [
    "human error", "operator error", "user error", "engineer error", "pilot error", "made a mistake",
    "fat-fingered", "fat fingered", "fat-finger", "did not follow", "didn't follow", "failed to follow",
    "forgot to",
  ]

  public func validate(_ context: LintContext) -> [Finding] {
    var findings: [Finding] = []
    for section in context.sections(.rootCauses) {
      for (number, line) in context.bodyLines(of: section) {
        if let hit = context.configuration.phrases.humanError.firstMatch(in: line) {
          findings.append(
            Finding(
              "The root cause blames people ('\(hit.phrase)'); ask what in the system made the mistake possible",
              line: number, column: hit.column))
        } else if let at = Self.handle(in: line) {
          findings.append(
            Finding("The root cause names a person (\(at.0)); describe the system, not who was at the keyboard", line: number, column: at.1))
        }
      }
    }
    return findings
  }

  /// An `@handle` (not an e-mail address) in a line.
  static func handle(in line: Substring) -> (String, Int)? {
    var previous: Character = " "
    for (offset, character) in line.enumerated() {
      if character == "@", !(previous.isLetter || previous.isNumber || previous == "."),
        let next = line.dropFirst(offset + 1).first, next.isLetter
      {
        let name = line.dropFirst(offset).prefix(while: { $0 == "@" || $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let column = line.utf8.distance(from: line.startIndex, to: line.index(line.startIndex, offsetBy: offset)) + 1
        return (String(name), column)
      }
      previous = character
    }
    return nil
  }
}
