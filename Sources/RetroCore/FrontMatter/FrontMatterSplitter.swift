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
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard isFence(lines[0], fence) else { return Result(frontMatter: nil, body: text) }
    let closers: Set<String> = format == .yaml ? ["---", "..."] : ["+++"]
    guard let close = lines.indices.dropFirst().first(where: { index in
      closers.contains(lines[index].trimmingTrailingWhitespace)
    }) else {
      throw InputError(
        path: path, line: 1, column: 1,
        message: "front matter opened with '\(fence)' is never closed")
    }
    let raw = lines[1..<close].joined(separator: "\n")
    let values: FrontMatterTable
    switch format {
    case .yaml: values = try YAMLFrontMatterReader.read(raw, path: path, firstLine: 2)
    case .toml: values = try TOMLFrontMatterReader.read(raw, path: path, firstLine: 2)
    }
    for index in 0...close { lines[index] = "" }
    let frontMatter = FrontMatter(format: format, values: values, lines: 1...(close + 1), raw: raw)
    return Result(frontMatter: frontMatter, body: lines.joined(separator: "\n"))
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
