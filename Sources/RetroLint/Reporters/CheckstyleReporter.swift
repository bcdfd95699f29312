import RetroCore
/// Checkstyle XML, which Jenkins, GitLab and many review tools read.
public struct CheckstyleReporter: Reporter {
  public static let identifier = "checkstyle"

  public init() {}

  /// XML escapes. XML 1.0 allows no control character but tab, LF and CR, not even as a
  /// character reference, so the others are made visible text first (`VisibleText`).
  static func escape(_ text: String) -> String {
    var out = ""
    for character in VisibleText.escape(text) {
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

  public func report(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]]) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
    var byFile: [String: [Diagnostic]] = [:]
    for d in diagnostics { byFile[d.path, default: []].append(d) }
    for path in byFile.keys.sorted() {
      out += "  <file name=\"\(Self.escape(path))\">\n"
      for d in byFile[path] ?? [] {
        out += "    <error line=\"\(d.line)\" column=\"\(d.column)\" severity=\"\(d.severity.rawValue)\" message=\"\(Self.escape(d.message))\" source=\"retro.\(Self.escape(d.ruleId))\"/>\n"
      }
      out += "  </file>\n"
    }
    return out + "</checkstyle>\n"
  }
}
