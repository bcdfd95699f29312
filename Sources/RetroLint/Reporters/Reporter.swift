/// Turns diagnostics into one output format. `identifier` is the `--format` value.
public protocol Reporter {
  static var identifier: String { get }
  /// The whole output for a run over `fileCount` files. `lines` gives, per file, the source
  /// lines the diagnostics point at (by line number), for reporters that quote them.
  func report(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]]) -> String
  /// The same output in pieces, handed to `output` in order: a reporter that can streams it,
  /// so a run over thousands of files never holds the whole text at once.
  func write(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]], to output: (String) -> Void)
}

extension Reporter {
  public func write(
    _ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]], to output: (String) -> Void
  ) {
    output(report(diagnostics, fileCount: fileCount, lines: lines))
  }
}

/// Every reporter, by `--format` value.
public enum ReporterRegistry {
  public static func reporter(named name: String, color: Bool) -> (any Reporter)? {
    switch name {
    case TextReporter.identifier: return TextReporter(color: color)
    case JSONReporter.identifier: return JSONReporter()
    case SARIFReporter.identifier: return SARIFReporter()
    case GitHubReporter.identifier: return GitHubReporter()
    case CheckstyleReporter.identifier: return CheckstyleReporter()
    default: return nil
    }
  }

  public static let identifiers = [
    TextReporter.identifier, JSONReporter.identifier, SARIFReporter.identifier, GitHubReporter.identifier,
    CheckstyleReporter.identifier,
  ]
}
