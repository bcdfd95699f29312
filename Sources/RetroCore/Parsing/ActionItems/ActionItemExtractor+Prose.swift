import Foundation

extension ActionItemExtractor {
  /// Action-item sections written as paragraphs (`## Future actions` then `We will be
  /// introducing rate limiting ...`), read only when the report's action-item sections hold
  /// no list, table or item heading at all: then each paragraph is one item.
  ///
  /// Not items: a paragraph that neither commits to work nor orders it (a recap, a
  /// sign-off), one that only points elsewhere (`See the full diff here.`), thanks, and a
  /// question the next paragraph answers (`Could we react differently?` / `No, ...`)
  /// together with its answer. A question nobody answers (`Can teams use containerised DBs?`)
  /// is left open, so it is an item.
  mutating func readProse(_ sections: [OutlineSection]) {
    guard items.isEmpty else { return }
    for outlined in sections where outlined.section.reads(as: .actionItems) && !outlined.fromBulletLabel {
      let paragraphs = outlined.blocks.filter { $0.kind == .paragraph }
      var skipNext = false
      for (index, paragraph) in paragraphs.enumerated() {
        if skipNext {
          skipNext = false
          continue
        }
        let text = InlineText.collapse(paragraph.plainText)
        guard Self.isProseItem(text) else { continue }
        if text.hasSuffix("?"), index + 1 < paragraphs.count,
          Self.isAnswer(InlineText.collapse(paragraphs[index + 1].plainText))
        {
          skipNext = true
          continue
        }
        let line = paragraph.range?.start.line ?? outlined.section.range.start.line
        if let lines = Self.orderLines(paragraph) {
          for (offset, text) in lines {
            items.append(reader.item(head: text, all: text, links: [], line: line + offset, group: nil, doneByGroup: false))
          }
          continue
        }
        items.append(
          reader.item(head: text, all: text, links: paragraph.linkDestinations, line: line, group: nil, doneByGroup: false))
      }
    }
  }

  /// Paragraphs that open with a bold status word, wherever they stand (`**DONE**: Alex
  /// added the blog to monitoring`, `**TODO** a ZFS exporter ...` under Lessons learned):
  /// each is an item, done when the word says so. A paragraph already read as an item is
  /// not read again.
  mutating func readStatusTagged(_ sections: [OutlineSection]) {
    let taken = Set(items.map(\.line))
    for outlined in sections where !outlined.section.reads(as: .timeline) {
      for paragraph in outlined.blocks where paragraph.kind == .paragraph {
        guard let line = paragraph.range?.start.line, !taken.contains(line),
          let lead = paragraph.children.first, lead.kind == .strong,
          let status = ActionItemReader.statusWords[InlineText.collapse(lead.plainText).trimmingCharacters(in: CharacterSet(charactersIn: ":")).lowercased()]
        else { continue }
        let text = InlineText.collapse(paragraph.children.dropFirst().map(\.plainText).joined())
          .trimmingCharacters(in: CharacterSet(charactersIn: ":-– ").union(.whitespaces))
        guard text.countASCIISplit(separator: " ") >= 3 else { continue }
        var item = reader.item(
          head: text, all: text, links: paragraph.linkDestinations, line: line, group: nil, doneByGroup: status == .done)
        item.status = status
        items.append(item)
      }
    }
  }

  private static let pointers = ["see ", "for more", "more details", "details are", "thanks", "thank ", "you can read", "read more"]
  /// What says a paragraph commits to work, read outside parentheses: `We will be
  /// introducing rate limiting`, `the team is going to rebuild`, `is planning future work`.
  private static let commitments = [
    "we will", "we'll", "going to", "plan to", "plans to", "planning", "looking into", "continuing to", "continue to",
    "working to", "working on", "need to", "we must", "we should",
  ]

  /// Follow-ups in a report with no action-item section: a list after a lead-in that commits
  /// to it (`Going forward, we will do the following …:`, `We have created tickets … to
  /// track the work needed …:`) is a list of items, wherever it stands. After such a list,
  /// a paragraph that commits to more (`Lastly, we will upgrade …. Specifically:`) is an
  /// item, and a list it opens is its detail.
  mutating func readLeadInLists(_ sections: [OutlineSection]) {
    guard items.isEmpty else { return }
    for outlined in sections where ![.actionItems, .timeline].contains(outlined.section.effectiveKind) && !outlined.fromBulletLabel {
      var committed = false
      var skipList = false
      for (index, block) in outlined.blocks.enumerated() {
        let next = index + 1 < outlined.blocks.count ? outlined.blocks[index + 1] : nil
        let opensList: Bool = {
          if let next, case .list = next.kind { return true }
          return false
        }()
        if case .list = block.kind {
          if skipList {
            skipList = false
            continue
          }
          continue
        }
        guard block.kind == .paragraph else { continue }
        let text = InlineText.collapse(block.plainText)
        guard opensList, text.hasSuffix(":") else { continue }
        let line = block.range?.start.line ?? outlined.section.range.start.line
        if Self.isLeadIn(text), let next {
          committed = true
          for item in next.children {
            let head = item.children.first?.plainText ?? ""
            guard !InlineText.collapse(head).isEmpty else { continue }
            items.append(
              reader.item(head: head, all: item.plainText, links: item.linkDestinations, line: item.range?.start.line ?? line, group: nil, doneByGroup: false))
          }
          skipList = true
        } else if committed, let first = text.split(separator: ".", maxSplits: 1).first, first.lowercased().contains("we will") {
          items.append(reader.item(head: text, all: text, links: block.linkDestinations, line: line, group: nil, doneByGroup: false))
          skipList = true
        }
      }
    }
  }

  /// The last sentence before a list commits to what the list holds.
  static func isLeadIn(_ text: String) -> Bool {
    let sentences = text.dropLast().split(whereSeparator: { $0 == "." || $0 == "!" })
    guard let last = sentences.last?.lowercased() else { return false }
    return ["we will", "we'll", "going forward", "to track", "we are going to", "we plan to", "we intend to"].contains { last.contains($0) }
  }

  /// A paragraph that is an item: it commits to work, starts with an order (`Write some
  /// comms ...`) or asks a question to look into.
  static func isProseItem(_ text: String) -> Bool {
    guard text.countASCIISplit(separator: " ") >= 4 else { return false }
    let lowered = text.lowercased()
    if pointers.contains(where: lowered.hasPrefix) { return false }
    if text.contains("?") { return true }
    if let first = lowered.splitASCII(separator: " ").first, SectionContentCues.imperativeVerbs.contains(String(first)) { return true }
    let outside = lowered.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression)
    return commitments.contains(where: outside.contains)
  }

  /// A list written without bullets: three or more lines, at least half of them opening
  /// with an order (`Add more thorough testing ...` / `Minimize the number of ...`).
  static func orderLines(_ paragraph: MarkdownNode) -> [(Int, String)]? {
    let lines = paragraph.plainText.splitASCII(separator: "\n", omittingEmptySubsequences: false)
      .enumerated().map { ($0.offset, $0.element.trimmingWhitespace()) }.filter { !$0.1.isEmpty }
    guard lines.count >= 3 else { return nil }
    let orders = lines.filter { _, text in
      text.first?.isUppercase == true
        && SectionContentCues.imperativeVerbs.contains(text.prefix { $0.isLetter }.lowercased())
    }
    return orders.count * 2 >= lines.count ? lines.map { ($0.0, String($0.1)) } : nil
  }

  static func isAnswer(_ text: String) -> Bool {
    let first = text.prefix { $0.isLetter }.lowercased()
    return ["no", "yes", "nope", "unknown", "not"].contains(first)
  }
}
