import Yams

/// Writes a front-matter table back as YAML between `---` lines, keys in their order,
/// strings quoted by Yams wherever YAML would misread them.
public enum FrontMatterWriter {
  /// The block with its fences; `comment` (without `#`) goes on the first line inside, where
  /// static-site generators ignore it.
  public static func yaml(_ table: FrontMatterTable, comment: String? = nil) throws -> String {
    let node = self.node(.table(table))
    var body = try Yams.serialize(node: node, width: -1, allowUnicode: true)
    if table.isEmpty { body = "" }
    let header = comment.map { "# \($0)\n" } ?? ""
    return "---\n\(header)\(body)---\n"
  }

  /// Digits in groups split by colons (`14:02`, `1:20:30`, `+3:05`).
  static func isSexagesimal(_ text: String) -> Bool {
    var body = Substring(text)
    if body.first == "+" || body.first == "-" { body = body.dropFirst() }
    let groups = body.split(separator: ":", omittingEmptySubsequences: false)
    return groups.count > 1 && groups.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) || $0.contains(".") && $0 == groups.last }
  }

  static func node(_ value: FrontMatterValue) -> Node {
    switch value {
    case .string(let text):
      // `14:02` is a string in YAML 1.2 but the number 842 to a YAML 1.1 reader (Jekyll's
      // Psych reads base 60): quoted.
      return Node(text, Tag(.str), isSexagesimal(text) ? .doubleQuoted : .plain)
    case .int(let number): return Node(String(number), Tag(.int))
    case .double(let number): return Node(String(number), Tag(.float))
    case .bool(let flag): return Node(flag ? "true" : "false", Tag(.bool))
    case .null: return Node("null", Tag(.null))
    case .array(let values): return Node(values.map(node))
    case .table(let table):
      return Node(table.entries.map { (Node($0.key, Tag(.str)), node($0.value)) })
    }
  }
}
