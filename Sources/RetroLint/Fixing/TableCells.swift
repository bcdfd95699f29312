import RetroCore

/// The cells of a pipe table's row, split on the pipes that are not escaped.
enum TableCells {
  static func split(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    var trimmed = Substring(line.trimmingWhitespace())
    if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
    for character in trimmed {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        current.append(character)
        escaped = true
      } else if character == "|" {
        cells.append(current.trimmingWhitespace())
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.trimmingWhitespace().isEmpty { cells.append(current.trimmingWhitespace()) }
    return cells
  }

  /// The header row's cells of the table holding line `number`.
  static func header(above number: Int, lines: [String]) -> [String]? {
    var index = number - 1
    while index > 0, lines[index - 1].trimmingWhitespace().hasPrefix("|") { index -= 1 }
    guard index < lines.count else { return nil }
    return split(lines[index])
  }
}
