/// Whether an action item is still to do.
public enum ActionItemStatus: String, Sendable, Codable, CaseIterable {
  case open, done
}
