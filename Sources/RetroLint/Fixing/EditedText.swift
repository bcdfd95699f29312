/// Applies text edits to a report's text.
public enum EditedText {
  public struct OverlapError: Error, Sendable, CustomStringConvertible {
    public var description: String { "two edits change the same text" }
  }

  /// `text` with `edits` applied. Edits must not overlap; a position past the end of its line
  /// is the line's end, and line `count + 1` is the end of the text.
  public static func applying(_ edits: [TextEdit], to text: String) throws -> String {
    let sorted = edits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    for (a, b) in zip(sorted, sorted.dropFirst()) where a.end > b.start {
      throw OverlapError()
    }
    let bytes = Array(text.utf8)
    var lineStarts = [0]
    for (index, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
    func offset(_ position: TextEdit.Position) -> Int {
      guard position.line >= 1 else { return 0 }
      guard position.line <= lineStarts.count else { return bytes.count }
      let start = lineStarts[position.line - 1]
      let end = position.line < lineStarts.count ? lineStarts[position.line] - 1 : bytes.count
      return min(start + max(0, position.column), end)
    }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.utf8.count })
    var cursor = 0
    for edit in sorted {
      let from = offset(edit.start)
      let to = max(from, offset(edit.end))
      guard from >= cursor else { throw OverlapError() }
      output += bytes[cursor..<from]
      output += edit.replacement.utf8
      cursor = to
    }
    output += bytes[cursor...]
    return String(decoding: output, as: UTF8.self)
  }
}
