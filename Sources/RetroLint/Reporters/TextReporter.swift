import RetroCore
/// `path:line:col: severity: message (rule_id)`, the source line with a caret under the
/// spot, and a closing count. Colour only when asked (a terminal without NO_COLOR). Paths,
/// messages and quoted lines have their control characters made visible (`VisibleText`), so a
/// report cannot hide a finding or forge one on the reader's terminal.
public struct TextReporter: Reporter {
  public static let identifier = "text"
  public var color: Bool

  public init(color: Bool = false) {
    self.color = color
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// The output a finding at a time, so a run over thousands of files never holds it whole.
  public func write(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]], to output: (String) -> Void) {
    for d in diagnostics {
      var out = ""
      let severity: String
      switch d.severity {
      case .error: severity = paint("error", "1;31")
      case .warning: severity = paint("warning", "1;33")
      case .info: severity = paint("info", "1;36")
      }
      let path = VisibleText.escape(d.path)
      out += "\(paint("\(path):\(d.line):\(d.column)", "1")): \(severity): \(VisibleText.escape(d.message)) \(paint("(\(d.ruleId))", "2"))\n"
      if let line = lines[d.path]?[d.line] {
        // Tabs shown as one space each, so the caret's count holds; most lines have none.
        var source = line.utf8.contains(0x09) ? String(line).replacingOccurrences(of: "\t", with: " ") : String(line)
        // Long lines are cut after the spot, keeping the caret where it belongs.
        let keep = max(120, d.column + 40)
        if source.utf8.count > keep { source = String(decoding: Array(source.utf8.prefix(keep)), as: UTF8.self) + "…" }
        if !source.trimmingWhitespace().isEmpty {
          out += "    \(VisibleText.escape(source))\n"
          // The caret sits under the byte column, counted in characters of the prefix as shown.
          let prefix = String(decoding: Array(source.utf8.prefix(max(0, d.column - 1))), as: UTF8.self)
          out += "    " + String(repeating: " ", count: VisibleText.escape(prefix).count) + paint("^", "1;32") + "\n"
        }
      }
      if let note = d.note {
        out += "  \(paint("note", "1;36")): \(VisibleText.escape(note.message)) at \(VisibleText.escape(note.path)):\(note.line)\n"
      }
      output(out)
    }
    var (errors, warnings, infos) = (0, 0, 0)
    for d in diagnostics {
      switch d.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .info: infos += 1
      }
    }
    var summary = "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
    if infos > 0 { summary += ", \(infos) info" }
    summary += " in \(fileCount) \(fileCount == 1 ? "file" : "files")"
    output((diagnostics.isEmpty ? "" : "\n") + summary + "\n")
  }
}

import Foundation
