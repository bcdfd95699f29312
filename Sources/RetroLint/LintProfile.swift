/// The kind of document a report is, which decides the rules on by default (`profile:` and
/// `profiles:` in `.retro.yml`).
public enum LintProfile: String, Sendable, CaseIterable {
  /// No profile named: the rules precise on any report.
  case standard
  /// An internal retrospective: the standard rules and the conventions of one (every action
  /// item has an owner and a ticket or due date, metadata fields, lessons lists).
  case `internal`
  /// A public write-up: the standard rules; the internal conventions stay off even when
  /// `opt_in_rules` names them, since a blog post has no owners or tickets to give.
  case published
  /// Every rule, the imprecise heuristics too.
  case strict

  /// Whether a rule of `tier` is on in this profile when `.retro.yml` does not say.
  public func enables(_ tier: RuleTier) -> Bool {
    switch (self, tier) {
    case (_, .standard): return true
    case (.internal, .convention), (.strict, _): return true
    default: return false
    }
  }

  /// Whether `opt_in_rules` may turn on a rule of `tier` here.
  public func allowsOptIn(_ tier: RuleTier) -> Bool {
    !(self == .published && tier == .convention)
  }

  /// One line for `retro rules` and errors.
  public var summary: String {
    switch self {
    case .standard: return "the rules precise on any report (the default)"
    case .internal: return "standard, and an internal retro's conventions: owners, tickets, due dates, ids, metadata, lessons lists"
    case .published: return "standard, for public write-ups: internal conventions stay off even when opted in"
    case .strict: return "every rule, the imprecise heuristics too"
    }
  }
}
