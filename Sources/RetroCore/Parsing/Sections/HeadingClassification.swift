/// What the classifier made of one heading: the kinds it names, how strongly, and why.
public struct HeadingClassification: Sendable, Equatable {
  /// The kind the heading names; `.custom` when nothing scored.
  public var kind: SectionKind
  /// Further kinds the same heading names (`Root causes and trigger`).
  public var alsoKinds: [SectionKind]
  /// The best term's weight for `kind` (see `SectionLexicon`); 0 for custom.
  public var score: Int
  /// Every kind with a matching term and its best weight, strongest first.
  public var candidates: [(kind: SectionKind, score: Int, term: String)]
  /// True when the heading's words are all accounted for by the terms of its kinds (and
  /// words that carry no kind), so it names a section outright rather than mentioning one.
  public var namesOutright: Bool
  /// True when the heading's last word belongs to the winning term: English puts the head
  /// of a compound last (`User-facing impact`, `Error tracking billing impact`).
  public var endsWithTerm: Bool = false
  /// True when the heading is a phrase the user's configuration lists.
  public var configured: Bool

  /// A heading strong enough that content never overrules it.
  public var isDecisive: Bool { configured || score >= 3 }

  /// The text names a section outright (`Root cause`, `Customer impact:`), as opposed to
  /// mentioning one in passing: what a plain line needs to be a heading.
  public var namesSection: Bool { kind != .custom && namesOutright && isDecisive }

  /// A bold label that names a section: outright, or a strong term as the last word of a
  /// short compound (`**User-facing impact:**`).
  public func isLabel(wordCount: Int) -> Bool {
    namesSection || (kind != .custom && score >= 4 && endsWithTerm && wordCount <= 5)
  }

  public static func == (lhs: HeadingClassification, rhs: HeadingClassification) -> Bool {
    lhs.kind == rhs.kind && lhs.alsoKinds == rhs.alsoKinds && lhs.score == rhs.score
      && lhs.namesOutright == rhs.namesOutright && lhs.configured == rhs.configured
  }

  /// One line for `retro show --explain`: `rootCauses 5 ("root cause"), trigger 4 ("trigger")`.
  public var evidence: String {
    if configured { return "configured phrase" }
    if candidates.isEmpty { return "no section words" }
    return candidates.map { "\($0.kind.rawValue) \($0.score) (\"\($0.term)\")" }.joined(separator: ", ")
  }
}
