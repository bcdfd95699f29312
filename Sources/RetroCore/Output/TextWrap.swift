/// Wraps prose to a width at spaces, each line after the first (or every line) indented:
/// for terminal output that must not run past the window. A word longer than the room is
/// kept whole on its own line rather than cut.
public enum TextWrap {
  /// `text` in lines of at most `width` characters, each starting with `indent` (the first
  /// with `firstIndent` when given).
  public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> String {
    var lines: [String] = []
    var current = firstIndent ?? indent
    var currentIndent = current
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if current.count > currentIndent.count, current.count + 1 + word.count > width {
        lines.append(current)
        current = indent
        currentIndent = indent
      }
      if current.count > currentIndent.count { current += " " }
      current += word
    }
    lines.append(current)
    return lines.joined(separator: "\n")
  }
}
