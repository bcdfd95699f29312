/// A parsed Markdown text: the node tree and the source lines it came from.
public struct MarkdownDocument: Sendable {
  public var root: MarkdownNode
  /// The source lines, without line terminators; `lines[0]` is line 1.
  public var lines: [Substring]

  /// Parses `text` (LF line endings) with cmark and recognises pipe tables.
  public init(parsing text: String) {
    self.lines = InlineText.lines(text)
    let parsed = CommonMarkConverter.parse(text)
    self.root = PipeTableRecognizer(lines: lines).rewrite(parsed)
  }

  /// The source text of line `number` (1-based), or "" outside the file.
  public func line(_ number: Int) -> Substring {
    guard number >= 1, number <= lines.count else { return "" }
    return lines[number - 1]
  }

  /// The source text of the lines a range covers, joined with newlines.
  public func source(lines range: ClosedRange<Int>) -> String {
    let lower = max(1, range.lowerBound)
    let upper = min(lines.count, range.upperBound)
    guard lower <= upper else { return "" }
    return lines[(lower - 1)...(upper - 1)].joined(separator: "\n")
  }
}
