/// A Markdown report used as a rule's example and test. In triggering examples, `↓` marks
/// the start of each line where a finding must appear; it is removed before parsing.
public struct RuleExample: Sendable {
  /// One or more files (`path`, text): rules that look across reports need several.
  public var files: [(path: String, text: String)]

  public init(_ text: String, path: String = "2024-01-01-example.md") {
    self.files = [(path, text)]
  }

  public init(files: [(path: String, text: String)]) {
    self.files = files
  }

  public static let marker: Character = "↓"

  /// The text without markers, and the lines that carried one.
  public static func strip(_ text: String) -> (text: String, lines: [Int]) {
    var lines: [Int] = []
    var out = ""
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.contains(marker) { lines.append(index + 1) }
      if index > 0 { out += "\n" }
      out += line.filter { $0 != marker }
    }
    return (out, lines)
  }
}
