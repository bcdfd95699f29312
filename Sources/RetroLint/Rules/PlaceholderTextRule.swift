import RetroCore

/// Template text left in the report.
public struct PlaceholderTextRule: Rule {
  public static let description = RuleDescription(
    identifier: "placeholder_text", name: "Placeholder Text",
    description: "A placeholder is left in the report: TODO, TBD, XXX, FIXME, <...>, ??? or lorem ipsum.",
    rationale: "Placeholders mark what the author still has to write; a report should not be reviewed or published with them.",
    severity: .warning,
    triggeringExamples: [
      RuleExample("# Outage\n\n## Summary\n\n↓TODO: write the summary.\n\n## Impact\n\n↓Affected <number> users.\n"),
      RuleExample("---\ntitle: x\n↓severity: TBD\n---\n\n## Summary\n\n↓Lorem ipsum dolor.\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("# Outage\n\n## Summary\n\nThe todo list app was down; <b>bold</b> text.\n\n```\nTODO in code\n```\n"),
      RuleExample("# Outage\n\nRun `docker rmi <old image ID>`; the pods???? were gone.\n"),
      // TODO as a status beside DONE, and an entry whose time is unknown.
      RuleExample("## Action items\n\n**DONE**: added the alert.\n\n**TODO**: move the backups #12\n\n| Item | Status |\n| --- | --- |\n| Add a check | **TODO** |\n\n## Timeline\n\n- [???] disks filled\n- [13:26] paged\n"),
    ])

  public init() {}

  static let loremIpsum = PhraseMatcher(["lorem ipsum"])

  static let defaultWords = PlaceholderWords(["TODO", "TBD", "FIXME", "XXX", "TBC"])
  /// The other placeholders, by the names `phrases:` removes them with.
  static let marks = ["???", "lorem ipsum", "<...>"]
  static let htmlTags: Set<String> = [
    "b", "i", "u", "em", "strong", "br", "p", "a", "img", "code", "pre", "sub", "sup", "details",
    "summary", "div", "span", "table", "tr", "td", "th", "ul", "ol", "li", "hr", "kbd", "small", "mark",
  ]

  public func validate(_ context: LintContext) -> [Finding] {
    var findings: [Finding] = []
    let words = context.configuration.phrases.placeholderWords
    let marks = context.configuration.phrases.placeholderMarks
    // A report that marks work DONE or DOING uses TODO as a status too (`**TODO**`, a
    // Status cell): a word of its own, not template text.
    let usesStatusWords = context.sourceLines.contains { line in
      line.utf8.contains(0x44) && (line.contains("**DONE**") || line.contains("**DOING**") || line.contains("| DONE |"))
    }
    let unknownTimes = Set(context.report.timeline.filter { $0.timeText.allSatisfy { $0 == "?" } && !$0.timeText.isEmpty }.map(\.line))
    for (offset, line) in context.sourceLines.enumerated() where !context.codeLines.contains(offset + 1) {
      let number = offset + 1
      if let (word, column) = words.find(in: line) {
        if usesStatusWords, word == "TODO", Self.isStatusMarker(line, column: column, number: number, context: context) { continue }
        findings.append(Finding("Placeholder '\(word)' is left in the report", line: number, column: column))
      } else if unknownTimes.contains(number) {
        // `- [???] IOPS reached…`: an entry whose time the author says is unknown.
        continue
      } else if marks.contains("???"), line.utf8.contains(0x3F), let range = line.range(of: "???"), range.lowerBound == line.startIndex || !line[line.index(before: range.lowerBound)].isLetter {
        let column = line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1
        findings.append(Finding("Placeholder '???' is left in the report", line: number, column: column))
      } else if line.utf8.count >= 11, marks.contains("lorem ipsum"), let hit = Self.loremIpsum.firstMatch(in: line) {
        findings.append(Finding("Placeholder text 'lorem ipsum' is left in the report", line: number, column: hit.column))
      } else if marks.contains("<...>"), line.utf8.contains(0x3C), let (text, column) = Self.angleBracket(in: line), !Self.inCodeSpan(line, column: column) {
        findings.append(Finding("Placeholder '\(text)' is left in the report", line: number, column: column))
      }
    }
    return findings
  }

  /// `**TODO**` in bold outside a table, or the word alone in a table's Status column: how
  /// a status is written. In any other column (a Reference, a Notes) it marks a gap.
  static func isStatusMarker(_ line: Substring, column: Int, number: Int, context: LintContext) -> Bool {
    let bytes = Array(line.utf8)
    let start = column - 1
    let end = start + 4
    let trimmed = line.drop(while: { $0 == " " })
    guard trimmed.hasPrefix("|") else {
      return start >= 2 && end + 2 <= bytes.count && bytes[start - 2] == 0x2A && bytes[start - 1] == 0x2A
        && bytes[end] == 0x2A && bytes[end + 1] == 0x2A
    }
    let cell = bytes[..<start].filter { $0 == 0x7C }.count - 1
    // The table's header: the first of the run of `|` lines above.
    var header = number
    while header > 1, context.sourceLines[header - 2].drop(while: { $0 == " " }).hasPrefix("|") { header -= 1 }
    let titles = context.sourceLines[header - 1].split(separator: "|", omittingEmptySubsequences: false).dropFirst()
    guard cell >= 0, cell < titles.count else { return false }
    let title = titles[titles.index(titles.startIndex, offsetBy: cell)].lowercased()
    return title.contains("status") || title.contains("state")
  }

  /// True when the byte column falls inside a `code span` on the line.
  static func inCodeSpan(_ line: Substring, column: Int) -> Bool {
    let before = line.utf8.prefix(column - 1)
    return before.filter { $0 == UInt8(ascii: "`") }.count % 2 == 1
  }

  /// `<name>`, `<describe the impact>`: angle brackets around words that are not HTML.
  static func angleBracket(in line: Substring) -> (String, Int)? {
    var search = line.startIndex
    while let open = line[search...].firstIndex(of: "<") {
      guard let close = line[open...].firstIndex(of: ">") else { return nil }
      let inner = line[line.index(after: open)..<close]
      search = line.index(after: open)
      guard !inner.isEmpty, inner.first?.isLetter == true,
        inner.allSatisfy({ $0.isLetter || $0 == " " || $0 == "_" || $0 == "-" || $0 == "." })
      else { continue }
      let tag = inner.split(separator: " ").first.map { $0.lowercased() } ?? ""
      if htmlTags.contains(tag) || inner.hasPrefix("!--") || inner.contains("://") { continue }
      return (String(line[open...close]), line.utf8.distance(from: line.startIndex, to: open) + 1)
    }
    return nil
  }
}
