import RetroCore
import RetroLint

/// retro's diagnostics as LSP ones: the rule id as `code`, its documentation as
/// `codeDescription`, the range from the finding's column to the end of its line.
enum DiagnosticConversion {
  static func lsp(_ diagnostic: Diagnostic, in document: OpenDocument, encoding: PositionEncoding, documentation: RuleDocumentation) -> JSON {
    let line = document.line(diagnostic.line)
    var end = line.utf8.count
    let bytes = Array(line.utf8)
    while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    let start = min(diagnostic.column - 1, end)
    var json: [String: JSON] = [
      "range": document.lspRange(
        .init(line: diagnostic.line, column: start), .init(line: diagnostic.line, column: max(end, start)), encoding: encoding),
      "severity": JSON(severity(diagnostic.severity)),
      "source": "retro",
      "message": .string(diagnostic.message),
    ]
    if diagnostic.ruleId != "input" {
      json["code"] = .string(diagnostic.ruleId)
      if let uri = documentation.uri(for: diagnostic.ruleId) { json["codeDescription"] = ["href": .string(uri)] }
    }
    if let note = diagnostic.note {
      json["relatedInformation"] = [
        [
          "location": [
            "uri": .string(OpenDocument.uri(of: note.path)),
            "range": ["start": ["line": JSON(max(0, note.line - 1)), "character": 0], "end": ["line": JSON(max(0, note.line - 1)), "character": 0]],
          ],
          "message": .string(note.message),
        ]
      ]
    }
    return .object(json)
  }

  static func severity(_ severity: DiagnosticSeverity) -> Int {
    switch severity {
    case .error: return 1
    case .warning: return 2
    case .info: return 3
    }
  }

  /// The diagnostic an editor sent back in a code action request, matched to retro's by
  /// rule and line.
  static func matches(_ json: JSON, _ diagnostic: Diagnostic) -> Bool {
    json["code"]?.string == diagnostic.ruleId && json["range"]?["start"]?["line"]?.int == diagnostic.line - 1
  }
}
