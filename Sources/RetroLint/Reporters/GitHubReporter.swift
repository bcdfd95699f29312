import RetroCore
/// GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=...::message`.
public struct GitHubReporter: Reporter {
  public static let identifier = "github"

  public init() {}

  /// The workflow-command escapes (`%`, CR and LF), then every other control character made
  /// visible: the command is also a line of the job's log, which renders ANSI sequences.
  /// The older command form `##[` is made inert too (`VisibleText.inertWorkflowCommands`);
  /// a `::` inside the data cannot start a line.
  static func escapeData(_ text: String) -> String {
    VisibleText.inertWorkflowCommands(
      VisibleText.escape(
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
          .replacingOccurrences(of: "\n", with: "%0A")))
  }

  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }

  /// A command a finding.
  public func write(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]], to output: (String) -> Void) {
    for d in diagnostics {
      let command: String
      switch d.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .info: command = "notice"
      }
      output(
        "::\(command) file=\(Self.escapeProperty(d.path)),line=\(d.line),col=\(d.column),title=\(Self.escapeProperty(d.ruleId))::\(Self.escapeData(d.message))\n"
      )
    }
  }
}

import Foundation
