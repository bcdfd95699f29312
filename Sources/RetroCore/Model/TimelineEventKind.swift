/// The milestone a timeline entry marks, when its words say so.
public enum TimelineEventKind: String, Sendable, Codable, CaseIterable {
  case start, detected, mitigated, resolved
}
