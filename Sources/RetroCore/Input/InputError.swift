/// A problem with an input file that stops it from being read: it names the file, and the
/// line and column where they are known.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var line: Int?
  public var column: Int?
  public var message: String
  /// The text of the line the error is on, shown under the message with a caret at the
  /// column, as compilers do.
  public var excerpt: String?

  public init(path: String, line: Int? = nil, column: Int? = nil, message: String, excerpt: String? = nil) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
    self.excerpt = excerpt
  }

  /// `path:line:col: error: message`, the shape compilers and linters use; with an excerpt,
  /// the line itself follows, and a caret under the column.
  public var description: String {
    var place = path
    if let line {
      place += ":\(line)"
      if let column { place += ":\(column)" }
    }
    var text = "\(place): error: \(message)"
    if let excerpt, let line {
      let number = String(line)
      let gutter = String(repeating: " ", count: number.count)
      text += "\n \(number) | \(excerpt)"
      if let column, column >= 1 {
        // Tabs stay tabs, so the caret lines up however the terminal draws them.
        let lead = excerpt.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        text += "\n \(gutter) | \(lead)^"
      }
    }
    return text
  }

  /// This error with the text of its line taken from `text`, whose first line is line
  /// `firstLine` of the file. A line past the text's end leaves the error as it is.
  public func quoting(_ text: String, firstLine: Int = 1) -> InputError {
    guard let line, line >= firstLine else { return self }
    var copy = self
    var number = firstLine
    for candidate in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if number == line {
        let shown = candidate.hasSuffix("\r") ? candidate.dropLast() : candidate
        // A line of megabytes is no excerpt: the start of it says where.
        copy.excerpt = shown.count > 200 ? String(shown.prefix(200)) + "…" : String(shown)
        return copy
      }
      number += 1
    }
    return self
  }
}
