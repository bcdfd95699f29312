import Yams

/// Reads YAML front matter into an ordered table with Yams.
///
/// Two bounds keep hostile front matter from taking the process down: nesting deeper than
/// `FrontMatterLimits.depth` is refused, and so is a document whose aliases expand to more
/// than `FrontMatterLimits.values` values (the "billion laughs" of ten anchors, each ten
/// aliases of the one before, would otherwise expand to ten billion).
enum YAMLFrontMatterReader {
  static func read(_ raw: String, path: String, firstLine: Int) throws -> FrontMatterTable {
    let node: Node?
    do {
      node = try Yams.compose(yaml: raw)
    } catch let error as YamlError {
      throw inputError(error, path: path, firstLine: firstLine)
    } catch {
      throw InputError(path: path, line: firstLine, message: "front matter is not valid YAML: \(error)")
    }
    guard let node else { return FrontMatterTable() }
    guard case .mapping(let mapping) = node else {
      throw InputError(
        path: path, line: (node.mark?.line ?? 1) + firstLine - 1, column: node.mark?.column,
        message: "front matter must be a map of keys to values, not a \(describe(node))")
    }
    var budget = FrontMatterLimits.values
    return try table(mapping, path: path, firstLine: firstLine, budget: &budget)
  }

  private static func describe(_ node: Node) -> String {
    switch node {
    case .sequence: return "list"
    case .scalar: return "single value"
    default: return "value of this kind"
    }
  }

  private static func table(
    _ mapping: Node.Mapping, path: String, firstLine: Int, budget: inout Int
  ) throws -> FrontMatterTable {
    var table = FrontMatterTable()
    for (key, value) in mapping {
      var expansion = Expansion(path: path, firstLine: firstLine, key: key.mark, budget: budget)
      table[key.string ?? String(describing: key.any)] = try convert(value, depth: 1, &expansion)
      budget = expansion.budget
    }
    return table
  }

  /// Where a top-level value's conversion is, and how many values are left to make.
  private struct Expansion {
    let path: String
    let firstLine: Int
    /// The top-level key: an alias expands far from its anchor, so errors name the key.
    let key: Mark?
    var budget: Int
  }

  private static func convert(_ node: Node, depth: Int, _ expansion: inout Expansion) throws -> FrontMatterValue {
    expansion.budget -= 1
    guard expansion.budget >= 0 else {
      throw InputError(
        path: expansion.path, line: (expansion.key?.line ?? 1) + expansion.firstLine - 1,
        column: expansion.key?.column,
        message: "front matter expands to more than \(FrontMatterLimits.values) values (aliases repeating aliases?); retro stops reading it here")
    }
    guard depth <= FrontMatterLimits.depth else {
      throw InputError(
        path: expansion.path, line: (node.mark?.line ?? 1) + expansion.firstLine - 1, column: node.mark?.column,
        message: "front matter nests deeper than \(FrontMatterLimits.depth) levels")
    }
    switch node {
    case .scalar(let scalar):
      if scalar.style == .plain {
        switch node.tag.description {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return node.bool.map(FrontMatterValue.bool) ?? .string(scalar.string)
        case Tag.Name.int.rawValue: return node.int.map(FrontMatterValue.int) ?? .string(scalar.string)
        case Tag.Name.float.rawValue: return node.float.map(FrontMatterValue.double) ?? .string(scalar.string)
        default: break
        }
      }
      return .string(scalar.string)
    case .sequence(let sequence):
      var values: [FrontMatterValue] = []
      for item in sequence {
        values.append(try convert(item, depth: depth + 1, &expansion))
      }
      return .array(values)
    case .mapping(let mapping):
      var table = FrontMatterTable()
      for (key, value) in mapping {
        table[key.string ?? String(describing: key.any)] = try convert(value, depth: depth + 1, &expansion)
      }
      return .table(table)
    case .alias:
      return .null
    }
  }

  private static func inputError(_ error: YamlError, path: String, firstLine: Int) -> InputError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return InputError(
        path: path, line: mark.line + firstLine - 1, column: mark.column,
        message: "front matter is not valid YAML: \(problem)")
    default:
      return InputError(path: path, line: firstLine, message: "front matter is not valid YAML: \(error)")
    }
  }
}
