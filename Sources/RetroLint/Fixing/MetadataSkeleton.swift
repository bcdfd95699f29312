import RetroCore

/// The fix for a missing metadata field: the key with a placeholder value, added to the
/// front matter (made when the report has none). Never touches a key that is there with a
/// value the parser could not read: that needs the author.
enum MetadataSkeleton {
  static let listFields: Set<String> = ["authors", "services", "tags"]
  /// Key stems that mean the field is already written, however it is spelled.
  static let stems: [String: [String]] = [
    "title": ["title"], "date": ["date", "started", "start"], "severity": ["sev", "priority", "impact"],
    "status": ["status", "state"], "authors": ["author", "owner", "writer"], "services": ["service", "system", "component"],
    "tags": ["tag", "label", "categor"], "id": ["id", "incident", "key", "number"],
  ]

  static func fix(adding field: String, to context: LintContext) -> Fix? {
    let title = "Add '\(field)' to the front matter"
    let isList = listFields.contains(field)
    guard let frontMatter = context.parsed.frontMatter else {
      let line = "\(field): \(isList ? "[TODO]" : "TODO")\n"
      let firstIsBlank = context.sourceLines.first.map { $0.allSatisfy { $0 == " " || $0 == "\t" } } ?? true
      return Fix(title, edits: [.insert("---\n" + line + "---\n" + (firstIsBlank ? "" : "\n"), line: 1)])
    }
    let wanted = stems[field] ?? [field]
    for key in frontMatter.values.keys {
      let normal = key.lowercased().filter { $0.isLetter }
      if wanted.contains(where: { normal.hasPrefix($0) }) || normal.hasSuffix(field) { return nil }
    }
    switch frontMatter.format {
    case .yaml:
      return Fix(title, edits: [.insert("\(field): \(isList ? "[TODO]" : "TODO")\n", line: frontMatter.lines.upperBound)])
    case .toml:
      // Before the first table header: a key after it would land in that table.
      var line = frontMatter.lines.upperBound
      for number in (frontMatter.lines.lowerBound + 1)..<frontMatter.lines.upperBound
      where context.sourceLines[number - 1].trimmingWhitespace().hasPrefix("[") {
        line = number
        break
      }
      return Fix(title, edits: [.insert("\(field) = \(isList ? "[\"TODO\"]" : "\"TODO\"")\n", line: line)])
    }
  }
}
