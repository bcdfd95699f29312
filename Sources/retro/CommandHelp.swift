/// Help text as ArgumentParser should get it: each paragraph one line, so that it wraps to
/// the terminal (80 columns or 200) instead of breaking where the source was wrapped.
enum CommandHelp {
  /// Joins the lines of each paragraph. Blank lines, indented lines (examples), list items
  /// (`- …`) and the line after a label ending in `:` stay where they are.
  static func reflow(_ text: String) -> String {
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if let last = lines.last, joins(line, after: last) {
        lines[lines.count - 1] = last + " " + line
      } else {
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func joins(_ line: String, after previous: String) -> Bool {
    guard let first = line.first, let previousFirst = previous.first else { return false }
    return first != " " && first != "-" && first != "*" && previousFirst != " " && !previous.hasSuffix(":")
  }
}
