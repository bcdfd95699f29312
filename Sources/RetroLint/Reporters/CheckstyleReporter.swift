import RetroCore
/// Checkstyle XML, which Jenkins, GitLab and many review tools read.
public struct CheckstyleReporter: Reporter {
  public static let identifier = "checkstyle"

  public init() {}

  /// XML escapes. XML 1.0 allows no control character but tab, LF and CR, not even as a
  /// character reference, nor U+FFFE and U+FFFF, so those are made visible text first
  /// (`XMLText`).
  static func escape(_ text: String) -> String {
    var out = ""
    for character in XMLText.visible(text) {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default: out.append(character)
      }
    }
    return out
  }

  /// A file element per path, in path order. A run's diagnostics come sorted by path, so
  /// each file's are written as they come; otherwise they are grouped first.
  public func write(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]], to output: (String) -> Void) {
    output("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
    let sorted = zip(diagnostics, diagnostics.dropFirst()).allSatisfy { !($1.path < $0.path) }
    let ordered = sorted ? diagnostics : Self.grouped(diagnostics)
    var current: String?
    for d in ordered {
      if d.path != current {
        if current != nil { output("  </file>\n") }
        output("  <file name=\"\(Self.escape(d.path))\">\n")
        current = d.path
      }
      output(
        "    <error line=\"\(d.line)\" column=\"\(d.column)\" severity=\"\(d.severity.rawValue)\" message=\"\(Self.escape(d.message))\" source=\"retro.\(Self.escape(d.ruleId))\"/>\n"
      )
    }
    if current != nil { output("  </file>\n") }
    output("</checkstyle>\n")
  }

  /// By path, in path order, each file's in their order.
  private static func grouped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var byFile: [String: [Diagnostic]] = [:]
    for d in diagnostics { byFile[d.path, default: []].append(d) }
    return byFile.keys.sorted().flatMap { byFile[$0] ?? [] }
  }
}
