import RetroCore

/// Everything a rule may look at for one report.
public struct LintContext: Sendable {
  public var path: String
  public var parsed: ParsedReport
  public var configuration: LintConfiguration
  /// The file's lines as written (front matter included); `sourceLines[0]` is line 1.
  public var sourceLines: [Substring]
  /// Lines inside fenced or indented code blocks and HTML blocks, where prose rules are silent.
  public var codeLines: Set<Int>
  /// True when the findings' fixes are wanted (`--fix`, the language server); a plain lint
  /// skips making them.
  public var wantsFixes = false
  /// Each timeline entry's time as the time-stamp reader reads it, by entry: read once for
  /// the three timeline rules that look at it.
  public var timelineStamps: [TimeStamp?]

  public var report: IncidentReport { parsed.report }
  public var document: MarkdownDocument { parsed.document }

  public init(path: String, parsed: ParsedReport, configuration: LintConfiguration, text: String) {
    self.path = path
    self.parsed = parsed
    self.configuration = configuration
    self.sourceLines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    var code = Set<Int>()
    var stack = parsed.document.root.children
    while let node = stack.popLast() {
      switch node.kind {
      case .codeBlock, .htmlBlock:
        if let range = node.range { code.formUnion(range.lines) }
      default:
        stack.append(contentsOf: node.children.filter { !$0.isInline })
      }
    }
    self.codeLines = code
    self.timelineStamps = parsed.report.timeline.map { $0.timeText.isEmpty ? nil : TimeStampReader.read($0.timeText) }
  }

  /// `make()` when fixes are wanted, else nil without making one.
  public func fix(_ make: () -> Fix?) -> Fix? {
    wantsFixes ? make() : nil
  }

  /// Lines of prose in the body: not front matter, not code.
  public func proseLines() -> [(number: Int, text: Substring)] {
    let frontMatterEnd = parsed.frontMatter?.lines.upperBound ?? 0
    return sourceLines.enumerated().compactMap { offset, line in
      let number = offset + 1
      guard number > frontMatterEnd, !codeLines.contains(number) else { return nil }
      return (number, line)
    }
  }

  /// The prose lines of a section's body.
  public func bodyLines(of section: Section) -> [(number: Int, text: Substring)] {
    guard let range = section.bodyLines else { return [] }
    return range.compactMap { number in
      guard number >= 1, number <= sourceLines.count, !codeLines.contains(number) else { return nil }
      return (number, sourceLines[number - 1])
    }
  }
}
