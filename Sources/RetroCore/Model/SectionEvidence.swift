/// What decided a section's kind.
public enum SectionEvidence: String, Sendable, Codable, Equatable {
  /// The heading's words (or a configured phrase).
  case heading
  /// The body: mostly timestamped lines, or a list of items with owners, tickets or
  /// imperative verbs, under a heading that did not say what it was.
  case content
  /// A sub-heading that only subdivides its canonical parent (`### Short-term` under
  /// `## Action items`).
  case parent
}
