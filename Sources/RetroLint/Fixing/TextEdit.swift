/// A change to a report's text: the bytes from `start` up to, not including, `end` become
/// `replacement`. An insertion has `start == end`.
///
/// Positions are a 1-based line and a 0-based UTF-8 byte offset in that line, the way the
/// parser counts; the language server turns them into the editor's units.
public struct TextEdit: Sendable, Equatable, Hashable {
  public struct Position: Sendable, Equatable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
      self.line = line
      self.column = column
    }

    public static func < (lhs: Position, rhs: Position) -> Bool {
      (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
  }

  public var start: Position
  public var end: Position
  public var replacement: String

  public init(start: Position, end: Position, replacement: String) {
    self.start = start
    self.end = max(start, end)
    self.replacement = replacement
  }

  /// Inserts `text` before byte `column` of `line`.
  public static func insert(_ text: String, line: Int, column: Int = 0) -> TextEdit {
    let position = Position(line: line, column: column)
    return TextEdit(start: position, end: position, replacement: text)
  }

  /// Replaces bytes `columns` of `line`.
  public static func replace(line: Int, columns: Range<Int>, with text: String) -> TextEdit {
    TextEdit(
      start: Position(line: line, column: columns.lowerBound), end: Position(line: line, column: columns.upperBound),
      replacement: text)
  }

  /// True when the two edits touch the same text, or insert at the same place (where their
  /// order would be a guess).
  public func conflicts(with other: TextEdit) -> Bool {
    if start == end || other.start == other.end {
      return start <= other.end && other.start <= end
    }
    return start < other.end && other.start < end
  }
}
