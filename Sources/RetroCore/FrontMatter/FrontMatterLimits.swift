/// The bounds every front-matter reader keeps, so that a report from anyone (a pull request
/// in CI) cannot exhaust the stack, the memory or the time of the process reading it.
/// Real front matter is a few dozen values two or three levels deep.
public enum FrontMatterLimits {
  /// Nesting of lists and tables (and parts of a dotted TOML key), counted from the top.
  public static let depth = 64
  /// Values in all, counting each value an alias repeats every time it is repeated.
  public static let values = 100_000
}
