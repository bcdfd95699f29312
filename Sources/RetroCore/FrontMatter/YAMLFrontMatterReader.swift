import Yams

/// Reads YAML front matter into an ordered table with Yams.
///
/// Two bounds keep hostile front matter from taking the process down: nesting deeper than
/// `FrontMatterLimits.depth` is refused, and so is a document whose aliases expand to more
/// than `FrontMatterLimits.values` values (the "billion laughs" of ten anchors, each ten
/// aliases of the one before, would otherwise expand to ten billion).
enum YAMLFrontMatterReader {
  /// Reads `raw`, whose first line is line `firstLine` of `path`; `what` names the text in
  /// errors ("front matter", "the configuration").
  static func read(_ raw: String, path: String, firstLine: Int, what: String = "front matter") throws -> FrontMatterTable {
    let node: Node?
    do {
      node = try Yams.compose(yaml: raw)
    } catch let error as YamlError {
      throw inputError(error, path: path, firstLine: firstLine, what: what).quoting(raw, firstLine: firstLine)
    } catch {
      throw InputError(path: path, line: firstLine, message: "\(what) is not valid YAML: \(error)")
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

  /// The error at the place a reader would fix. libyaml reports where it gave up, which for
  /// an unclosed quote or bracket is the end of the text or a later line; its context says
  /// where the unclosed thing was opened, and that is the line to show.
  private static func inputError(_ error: YamlError, path: String, firstLine: Int, what: String) -> InputError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let found = "\(problem) at line \(mark.line + firstLine - 1)"
      if let context, let opened = unclosed(context.text),
        problem.contains("end of stream") || problem.contains("did not find expected")
      {
        return InputError(
          path: path, line: context.mark.line + firstLine - 1, column: context.mark.column,
          message: "\(what) is not valid YAML: \(opened) opened here is not closed (\(found))")
      }
      var message = "\(what) is not valid YAML: \(problem)"
      if let context, !context.text.isEmpty { message += " (\(context.text), from line \(context.mark.line + firstLine - 1))" }
      if let hint = hint(problem) { message += "; \(hint)" }
      return InputError(path: path, line: mark.line + firstLine - 1, column: mark.column, message: message)
    default:
      return InputError(path: path, line: firstLine, message: "\(what) is not valid YAML: \(error)")
    }
  }

  /// What an author most often meant, for the libyaml problems a hand-written header hits.
  private static func hint(_ problem: String) -> String? {
    if problem.contains("mapping values are not allowed") { return "a value holding ': ' must be quoted" }
    if problem.contains("cannot start any token") { return "quote a value that starts with @, ` or %, and indent with spaces, not tabs" }
    return nil
  }

  /// What a libyaml context says is open, for an error that it was not closed.
  private static func unclosed(_ context: String) -> String? {
    if context.contains("quoted scalar") { return "the quoted text" }
    if context.contains("flow sequence") { return "the '[' list" }
    if context.contains("flow mapping") { return "the '{' map" }
    return nil
  }
}
