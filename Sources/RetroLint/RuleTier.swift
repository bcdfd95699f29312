/// Which profiles turn a rule on without being asked. A rule is on by default only when its
/// findings, judged by reading real reports from teams retro had never seen, were right at
/// least nine times in ten (`scripts/LINT-SCORE.md`); the rest wait to be asked for.
public enum RuleTier: String, Sendable, CaseIterable {
  /// On in every profile: precise on real reports.
  case standard
  /// A convention of an internal retro (owners, due dates, ticket ids, metadata fields,
  /// lessons lists): on in the `internal` and `strict` profiles, never in `published`.
  case convention
  /// A heuristic too often wrong on real reports to be on by default: on in `strict`, or when
  /// `opt_in_rules` names it.
  case optIn = "opt-in"
}
