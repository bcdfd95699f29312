/// Splits front matter off the top of a file before cmark sees the text.
///
/// The fence lines and everything between them are replaced by empty lines in the body, so
/// every line number in the body is still the line number in the file.
public enum FrontMatterSplitter {
  public struct Result: Sendable {
    public var frontMatter: FrontMatter?
    public var body: String
  }

  public static func split(_ text: String, path: String) throws -> Result {
    let fence: String
    let format: FrontMatter.Format
    if text.hasPrefix("---") {
      (fence, format) = ("---", .yaml)
    } else if text.hasPrefix("+++") {
      (fence, format) = ("+++", .toml)
    } else {
      return Result(frontMatter: nil, body: text)
    }
    // Walk lines by bytes only as far as the closing fence; the body after it is kept as is.
    let utf8 = text.utf8
    var lineStart = utf8.startIndex
    var lineNumber = 0
    var firstLineEnd: String.Index?
    var rawStart: String.Index?
    var close: (line: Int, start: String.Index, end: String.Index)?
    while lineStart < utf8.endIndex {
      let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
      let line = Substring(text[lineStart..<lineEnd])
      if lineNumber == 0 {
        guard isFence(line, fence) else { return Result(frontMatter: nil, body: text) }
        firstLineEnd = lineEnd
        rawStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
      } else if (format == .yaml ? ["---", "..."] : ["+++"]).contains(line.trimmingTrailingWhitespace) {
        close = (lineNumber, lineStart, lineEnd)
        break
      }
      lineNumber += 1
      lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
    }
    guard let close, let rawStart, firstLineEnd != nil else {
      throw InputError(
        path: path, line: 1, column: 1,
        message: "front matter opened with '\(fence)' is never closed")
    }
    let rawEnd = close.start > rawStart ? utf8.index(before: close.start) : rawStart
    let raw = String(text[rawStart..<rawEnd])
    let values: FrontMatterTable
    switch format {
    case .yaml: values = try YAMLFrontMatterReader.read(raw, path: path, firstLine: 2)
    case .toml: values = try TOMLFrontMatterReader.read(raw, path: path, firstLine: 2)
    }
    // The front matter's lines become empty lines, so the body keeps the file's numbering.
    let body = String(repeating: "\n", count: close.line) + text[close.end...]
    let frontMatter = FrontMatter(format: format, values: values, lines: 1...(close.line + 1), raw: raw)
    return Result(frontMatter: frontMatter, body: body)
  }

  private static func isFence(_ line: Substring, _ fence: String) -> Bool {
    line.trimmingTrailingWhitespace == fence
  }
}

extension Substring {
  var trimmingTrailingWhitespace: String {
    var end = endIndex
    while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" {
      end = index(before: end)
    }
    return String(self[..<end])
  }
}
