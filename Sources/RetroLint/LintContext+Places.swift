import RetroCore

extension LintContext {
  /// The line of the title heading, or 1.
  var titleLine: Int {
    for (offset, line) in sourceLines.enumerated() where line.hasPrefix("# ") {
      if offset + 1 > (parsed.frontMatter?.lines.upperBound ?? 0) { return offset + 1 }
    }
    return 1
  }

  /// The line where a metadata key is written (front matter or a `Key:` line), or 1.
  func line(ofKey key: String) -> Int {
    let lowered = key.lowercased()
    for (offset, line) in sourceLines.enumerated() {
      let text = line.lowercased().drop(while: { $0 == " " || $0 == "*" || $0 == "-" || $0 == "|" })
      if text.hasPrefix(lowered + ":") || text.hasPrefix(lowered + "**:") || text.hasPrefix(lowered + " ") {
        return offset + 1
      }
    }
    return 1
  }

  /// The sections of a kind (own or inherited from an enclosing section).
  func sections(_ kind: SectionKind) -> [Section] {
    report.sections.filter { $0.effectiveKind == kind }
  }

  /// For each line, the sections that hold it, outermost first (`IncidentReport.enclosingSections`).
  func enclosingSections(of lines: [Int]) -> [Int: [Section]] {
    report.enclosingSections(of: lines)
  }
}
