import RetroCore

/// Turns diagnostics into one output format. `identifier` is the `--format` value.
public protocol Reporter {
  static var identifier: String { get }
  /// The output for a run over `fileCount` files, handed to `output` in order and in pieces,
  /// so a run over thousands of files never holds the whole text at once. `lines` gives, per
  /// file, the source lines the diagnostics point at (by line number), for reporters that
  /// quote them.
  func write(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]], to output: (String) -> Void)
}

extension Reporter {
  /// The whole output at once.
  public func report(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]]) -> String {
    Pieces.joined { write(diagnostics, fileCount: fileCount, lines: lines, to: $0) }
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
