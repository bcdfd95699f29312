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

  /// For each line, the sections that hold it, outermost first (by heading level), in one
  /// pass over the sections: what "the headings above this line" means.
  func enclosingSections(of lines: [Int]) -> [Int: [Section]] {
    var result: [Int: [Section]] = [:]
    var chain: [Section] = []
    var next = report.sections.startIndex
    for line in Set(lines).sorted() {
      while next < report.sections.endIndex, report.sections[next].range.start.line <= line {
        let section = report.sections[next]
        while let last = chain.last, last.level >= section.level { chain.removeLast() }
        chain.append(section)
        next += 1
      }
      result[line] = chain
    }
    return result
  }
}
