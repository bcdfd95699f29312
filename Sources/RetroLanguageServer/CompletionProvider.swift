import RetroCore
import RetroLint

/// Completion of what a report still lacks: at a heading (`#`, `## Ro`) the sections it has
/// not got yet, required ones first; after `@` the owners the folder's reports name.
struct CompletionProvider {
  var analysis: DocumentAnalysis
  var document: OpenDocument
  var encoding: PositionEncoding
  var configuration: LintConfiguration
  var knowledge: FolderKnowledge?

  // LSP CompletionItemKind values.
  static let module = 9, user = 18

  func completions(at position: TextEdit.Position) -> JSON {
    let line = document.line(position.line)
    let before = String(decoding: Array(line.utf8.prefix(position.column)), as: UTF8.self)
    if let at = before.lastIndex(of: "@"), before[before.index(after: at)...].allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }),
      at == before.startIndex || before[before.index(before: at)].isWhitespace || "([,".contains(before[before.index(before: at)])
    {
      return owners(prefix: String(before[before.index(after: at)...]), position: position, start: before.utf8.distance(from: before.startIndex, to: at))
    }
    let trimmed = before.drop(while: { $0 == " " })
    if trimmed.isEmpty || trimmed.hasPrefix("#") {
      return sections(typed: String(trimmed), position: position, start: before.utf8.count - trimmed.utf8.count)
    }
    return ["isIncomplete": false, "items": []]
  }

  private func sections(typed: String, position: TextEdit.Position, start: Int) -> JSON {
    guard let report = analysis.context?.report else { return ["isIncomplete": false, "items": []] }
    let hashes = typed.prefix(while: { $0 == "#" }).count
    let level = hashes >= 1 ? hashes : (report.sections.filter { $0.kind != .custom && $0.level >= 1 }.map(\.level).min() ?? 2)
    let marks = String(repeating: "#", count: max(1, min(level, 6)))
    let required = configuration.requiredSections
    let missing = SectionKind.allCases.filter { $0 != .custom && !report.has($0) }
    let ordered = missing.filter { required.contains($0) } + missing.filter { !required.contains($0) }
    let items: [JSON] = ordered.enumerated().map { offset, kind in
      let text = "\(marks) \(kind.displayName)"
      return [
        "label": .string(kind.displayName),
        "kind": JSON(Self.module),
        "detail": .string(required.contains(kind) ? "required section, missing" : "section"),
        "sortText": .string(String(format: "%02d", offset)),
        "filterText": .string(text),
        "textEdit": [
          "range": document.lspRange(.init(line: position.line, column: start), position, encoding: encoding),
          "newText": .string(text),
        ],
      ]
    }
    return ["isIncomplete": false, "items": .array(items)]
  }

  private func owners(prefix: String, position: TextEdit.Position, start: Int) -> JSON {
    var seen: [(name: String, detail: String)] = []
    for owner in knowledge?.owners() ?? [] {
      seen.append((owner.name, "\(owner.open) open of \(owner.total) items in the folder"))
    }
    // The report's own owners count too, even before it is saved; not the one being typed.
    let typing = analysis.context?.report.actionItems.filter { $0.line == position.line }.flatMap(\.owners) ?? []
    for owner in analysis.context?.report.actionItems.flatMap(\.owners) ?? []
    where !seen.contains(where: { $0.name == owner }) && !typing.contains(owner) {
      seen.append((owner, "named in this report"))
    }
    let lowered = prefix.lowercased()
    // An @-mention is one word.
    let words = seen.filter { !$0.name.contains(where: \.isWhitespace) }
    let items: [JSON] = words.filter { lowered.isEmpty || $0.name.lowercased().drop(while: { $0 == "@" }).hasPrefix(lowered) }.enumerated().map { offset, owner in
      let name = owner.name.hasPrefix("@") ? String(owner.name.dropFirst()) : owner.name
      return [
        "label": .string("@" + name),
        "kind": JSON(Self.user),
        "detail": .string(owner.detail),
        "sortText": .string(String(format: "%04d", offset)),
        "textEdit": [
          "range": document.lspRange(.init(line: position.line, column: start), position, encoding: encoding),
          "newText": .string("@" + name),
        ],
      ]
    }
    return ["isIncomplete": false, "items": .array(items)]
  }
}
