/// The output formats of `retro actions`.
public enum ActionListFormat: String, Sendable, CaseIterable {
  case table, json, csv, markdown
}
