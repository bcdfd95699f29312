import Yams

/// Reads YAML front matter into an ordered table with Yams.
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
    return table(mapping)
  }

  private static func describe(_ node: Node) -> String {
    switch node {
    case .sequence: return "list"
    case .scalar: return "single value"
    default: return "value of this kind"
    }
  }

  private static func table(_ mapping: Node.Mapping) -> FrontMatterTable {
    var table = FrontMatterTable()
    for (key, value) in mapping {
      table[key.string ?? String(describing: key.any)] = convert(value)
    }
    return table
  }

  private static func convert(_ node: Node, depth: Int = 0) -> FrontMatterValue {
    guard depth < 64 else { return .null }
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
      return .array(sequence.map { convert($0, depth: depth + 1) })
    case .mapping(let mapping):
      var table = FrontMatterTable()
      for (key, value) in mapping {
        table[key.string ?? String(describing: key.any)] = convert(value, depth: depth + 1)
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
