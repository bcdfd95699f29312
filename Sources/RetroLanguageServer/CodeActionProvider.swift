import RetroCore
import RetroLint

/// Code actions: each finding's safe fix as a quick fix (the same fix `retro lint --fix`
/// applies, offered only when the result still reads as the same report), "disable this
/// rule for this line", and "fix all" as a source action.
struct CodeActionProvider {
  var analysis: DocumentAnalysis
  var document: OpenDocument
  var encoding: PositionEncoding
  var fixer: Fixer

  static let fixAllKind = "source.fixAll.retro"

  func actions(lines: ClosedRange<Int>, only: [String]?, sent: [JSON], lspDiagnostic: (Diagnostic) -> JSON) -> JSON {
    guard let context = analysis.context else { return [] }
    var actions: [JSON] = []
    let wants = { (kind: String) in only.map { $0.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true }
    let frontMatterEnd = context.parsed.frontMatter?.lines.upperBound ?? 0
    for diagnostic in analysis.diagnostics where lines.contains(diagnostic.line) && diagnostic.ruleId != "input" {
      let related = sent.first { DiagnosticConversion.matches($0, diagnostic) } ?? lspDiagnostic(diagnostic)
      if wants("quickfix"), let fix = diagnostic.fix, fixer.isSafe(fix, in: context) {
        actions.append(
          [
            "title": .string(fix.title), "kind": "quickfix", "isPreferred": true, "diagnostics": [related],
            "edit": workspaceEdit(fix.edits),
          ])
      }
      // A comment above a front-matter line would break the front matter.
      if wants("quickfix"), diagnostic.line > frontMatterEnd {
        let line = document.line(diagnostic.line)
        let indent = String(line.prefix(while: { $0 == " " || $0 == "\t" }))
        let comment = "\(indent)<!-- retro-disable-next-line \(diagnostic.ruleId) -->\n"
        actions.append(
          [
            "title": .string("Disable \(diagnostic.ruleId) for this line"), "kind": "quickfix", "diagnostics": [related],
            "edit": workspaceEdit([.insert(comment, line: diagnostic.line)]),
          ])
      }
    }
    if wants(Self.fixAllKind) || wants("source.fixAll"), analysis.diagnostics.contains(where: { $0.fix != nil }),
      let outcome = try? fixer.fix(path: document.path, text: context.sourceLines.joined(separator: "\n")), outcome.changed
    {
      let crlf = document.text.utf8.contains(0x0D)
      let fixed = crlf ? outcome.fixed.replacingOccurrences(of: "\n", with: "\r\n") : outcome.fixed
      let whole = TextEdit(start: .init(line: 1, column: 0), end: .init(line: document.lines.count + 1, column: 0), replacement: fixed)
      actions.append(
        [
          "title": .string("Fix all safe retro findings (\(outcome.applied.count))"), "kind": .string(Self.fixAllKind),
          "edit": workspaceEdit([whole]),
        ])
    }
    return .array(actions)
  }

  private func workspaceEdit(_ edits: [TextEdit]) -> JSON {
    ["changes": .object([document.uri: .array(edits.map { document.lspEdit($0, encoding: encoding) })])]
  }
}
