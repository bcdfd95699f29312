import Foundation
/// Finds action items in action-item sections: list items (nested bullets belong to their
/// parent), task lists, tables with mapped columns, pasted `•` lines, and one sub-heading
/// per item. Tier sub-headings (Immediate / Short-term / Long-term) keep their items as a
/// group, and a heading marked Completed makes its items done.
struct ActionItemExtractor {
  let reader: ActionItemReader
  var items: [ActionItem] = []

  init(reader: ActionItemReader) {
    self.reader = reader
  }

  static let tierWords: Set<String> = [
    "immediate", "short", "long", "medium", "mid", "term", "completed", "complete", "done",
    "in", "progress", "open", "closed", "pending", "now", "next", "later", "high", "low",
    "priority", "actions", "action", "items", "item", "and", "future", "ongoing", "planned",
    "finished", "todo", "to", "do", "follow", "ups", "up", "remaining", "other", "tasks",
    "quick", "wins", "p", "prevent", "mitigate", "detect", "process", "tier", "phase", "one",
    "two", "three", "work", "improvements", "fixes", "fix", "we", "will", "have",
  ]

  mutating func read(_ outlined: OutlineSection) {
    let section = outlined.section
    let isSubsection = section.within == .actionItems
    let group = isSubsection ? section.heading : nil
    let lowered = section.heading.lowercased()
    let doneByGroup = ["completed", "(done)", "done:", "finished", "already done", "closed"].contains { lowered.contains($0) }
      || lowered.hasSuffix("done") || Self.isTakenLabel(section.heading)
    let hasStructure = outlined.blocks.contains { block in
      if case .list = block.kind { return true }
      if case .table = block.kind { return true }
      return block.kind == .paragraph && Self.bulletLines(block).count > 0
    }
    // A tier heading may carry what applies to all its items: a tracking link
    // (`([Follow along here](…/issues/39133))`) or a target (`(Q4 2025 - Q1 2026)`).
    let groupTickets = isSubsection
      ? ActionItemReader.ticketsIn(section.heading) + outlined.headingLinks.filter { $0.hasPrefix("http") } : []
    let groupDue = isSubsection ? Self.targetDate(in: section.heading, reader: reader) : nil
    let before = items.count
    defer {
      for index in before..<items.count {
        items[index].tickets = ActionItemReader.unique(items[index].tickets + groupTickets)
        if items[index].due == nil { items[index].due = groupDue }
      }
    }
    // A sub-heading that names a kind of work (`### Investigation`, `### Detection`) over
    // prose is a group of its text, not an item.
    if isSubsection, !hasStructure, !Self.isTier(section.heading), ActionItemType(label: section.heading) == nil {
      // One heading per item: the heading is the item, the body its details.
      let body = outlined.blocks.map(\.plainText).joined(separator: "\n")
      let links = outlined.blocks.flatMap(\.linkDestinations)
      items.append(
        reader.item(
          head: Self.itemHeading(section.heading), all: section.heading + "\n" + body, links: links,
          line: section.range.start.line, group: nil, doneByGroup: doneByGroup))
      return
    }
    if outlined.fromBulletLabel, let first = outlined.blocks.first, first.kind == .paragraph {
      // `- **Review actions**: add an alert`: the text after the label is an item.
      items.append(
        reader.item(
          head: first.plainText, all: first.plainText, links: first.linkDestinations,
          line: section.range.start.line, group: nil, doneByGroup: doneByGroup))
      for block in outlined.blocks.dropFirst() { read(block, group: group, doneByGroup: doneByGroup) }
      return
    }
    // `1. **Title**` items whose details follow as separate, unindented bullet lists or
    // paragraphs: CommonMark ends the numbered list there, but the details are the item's.
    var afterLeadItem = false
    let hasTable = outlined.blocks.contains { $0.kind == .table }
    for block in outlined.blocks {
      // Beside a table of the items, a list that defines their types or priorities
      // (`* Prevent - …`, `* P0 - Critical for …`) is a legend.
      if hasTable, Self.isLegend(block) { continue }
      if Self.isBoldLeadNumberedList(block) {
        read(block, group: group, doneByGroup: doneByGroup)
        afterLeadItem = true
        continue
      }
      if afterLeadItem, Self.isDetail(block) { continue }
      afterLeadItem = false
      read(block, group: group, doneByGroup: doneByGroup)
    }
  }

  /// A heading that is one item, without its numbering and trailing owners:
  /// `1) Add a queue depth alert @maria` → `Add a queue depth alert`.
  static func itemHeading(_ heading: String) -> String {
    var words = heading.splitASCII(separator: " ")
    if let first = words.first, words.count > 1,
      first.trimmingCharacters(in: CharacterSet(charactersIn: "#.):-")).allSatisfy(\.isNumber),
      first.contains(where: \.isNumber)
    {
      words.removeFirst()
    }
    while words.count > 1, let last = words.last, last.hasPrefix("@") { words.removeLast() }
    return words.joined(separator: " ")
  }

  /// Lines that each end in a parenthesised marker, an owner or a status: `Alert on ack
  /// rate (MARIA)`, `Remove the manual drain step (DONE)`. Returns the text and the marker.
  static func markedLines(_ paragraph: MarkdownNode) -> [(Int, String, String)]? {
    let lines = paragraph.plainText.splitASCII(separator: "\n", omittingEmptySubsequences: false)
    var result: [(Int, String, String)] = []
    for (offset, line) in lines.enumerated() {
      let trimmed = line.trimmingWhitespace()
      if trimmed.isEmpty { continue }
      guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "("), open > trimmed.startIndex else { return nil }
      let marker = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        .trimmingWhitespace()
      guard !marker.isEmpty, marker.countASCIISplit(separator: " ") <= 3, !marker.contains(where: \.isNumber) else { return nil }
      result.append((offset, String(trimmed[..<open]).trimmingWhitespace(), marker))
    }
    return result.count >= 2 ? result : nil
  }

  /// An ordered list whose items each open with bold text: `1. **Migrate the table**`.
  static func isBoldLeadNumberedList(_ block: MarkdownNode) -> Bool {
    guard case .list(ordered: true, _, _) = block.kind, !block.children.isEmpty else { return false }
    return block.children.allSatisfy { item in
      guard let first = item.children.first, first.kind == .paragraph else { return false }
      return first.children.first?.kind == .strong
    }
  }

  /// What may continue a bold-lead numbered item: a bullet list, a paragraph, a code block.
  private static func isDetail(_ block: MarkdownNode) -> Bool {
    switch block.kind {
    case .list(ordered: false, _, _), .paragraph, .codeBlock, .blockQuote: return true
    default: return false
    }
  }

  /// The last day of the latest quarter (`Q1 2026`) or the latest date named in a heading.
  static func targetDate(in heading: String, reader: ActionItemReader) -> CalendarDate? {
    let words = heading.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    var latest: CalendarDate?
    for (index, word) in words.enumerated() where word.count == 2 && word.uppercased().hasPrefix("Q") && index + 1 < words.count {
      guard let quarter = word.last?.wholeNumberValue, (1...4).contains(quarter), let year = Int(words[index + 1]), year > 1900
      else { continue }
      let month = quarter * 3
      if let end = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)), end > (latest ?? end.adding(days: -1)) {
        latest = end
      }
    }
    return latest ?? TimeStampReader.findDate(in: heading).flatMap { $0.resolve(order: reader.order, fallbackYear: reader.fallbackYear) }
  }

  static func isTier(_ heading: String) -> Bool {
    // What a parenthesis adds (`(Tracked in GitHub Issue #40885)`, `(Q4)`) leaves the tier.
    var bare = heading
    while let open = bare.firstIndex(of: "("), let close = bare[open...].firstIndex(of: ")") {
      bare.removeSubrange(open...close)
    }
    let words = InlineText.normalisedWords(bare.isEmpty ? heading : bare).splitASCII(separator: " ")
    return !words.isEmpty && words.allSatisfy { tierWords.contains(String($0)) || $0.allSatisfy(\.isNumber) }
  }

  private mutating func read(_ block: MarkdownNode, group: String?, doneByGroup: Bool) {
    switch block.kind {
    case .list:
      for item in block.children {
        let line = item.range?.start.line ?? 1
        let head: String
        if let first = item.children.first, first.kind == .paragraph, first.children.first?.kind == .strong,
          first.children.count > 1, first.children[1].kind == .softBreak || first.children[1].kind == .lineBreak
        {
          // `1. **Document the drain procedure**` with its details on the lines below.
          head = first.children[0].plainText
        } else if let first = item.children.first, first.kind == .paragraph {
          head = first.plainText
        } else {
          head = item.children.first?.plainText ?? ""
        }
        let collapsed = InlineText.collapse(head)
        if collapsed.isEmpty || ["n/a", "na", "none", "-", "—", "nothing"].contains(collapsed.lowercased()) { continue }
        // `- [ ] Ensure alerting is in place for:` over task boxes: the boxes are the items.
        if collapsed.hasSuffix(":"), let nested = item.children.first(where: { if case .list = $0.kind { return true } else { return false } }),
          !nested.children.isEmpty, nested.children.allSatisfy(Self.isTaskBox)
        {
          read(nested, group: group, doneByGroup: doneByGroup)
          continue
        }
        items.append(
          reader.item(
            head: head, all: item.plainText, links: item.linkDestinations, line: line, group: group,
            doneByGroup: doneByGroup))
      }
    case .table:
      readTable(block, group: group, doneByGroup: doneByGroup)
    case .paragraph:
      let startLine = block.range?.start.line ?? 1
      if let marked = Self.markedLines(block) {
        for (offset, text, marker) in marked {
          let done = ActionItemReader.isDoneWord(marker)
          items.append(
            reader.item(
              head: text, all: text, links: [], line: startLine + offset, group: group, doneByGroup: doneByGroup || done,
              columns: done ? [:] : ["owner": marker]))
        }
        return
      }
      for (offset, text) in Self.bulletLines(block) {
        items.append(
          reader.item(head: text, all: text, links: [], line: startLine + offset, group: group, doneByGroup: doneByGroup))
      }
    case .blockQuote:
      for child in block.children { read(child, group: group, doneByGroup: doneByGroup) }
    default:
      break
    }
  }

  /// `Actions taken`, `Action taken:`: what was done.
  static func isTakenLabel(_ heading: String) -> Bool {
    let words = InlineText.normalisedWords(heading).splitASCII(separator: " ")
    return words.count == 2 && (words[0] == "action" || words[0] == "actions") && words[1] == "taken"
  }

  /// A list each of whose items opens with a type or priority and a dash or colon.
  static func isLegend(_ block: MarkdownNode) -> Bool {
    guard case .list = block.kind, block.children.count >= 2 else { return false }
    return block.children.allSatisfy { item in
      let text = InlineText.collapse(item.children.first?.plainText ?? "")
      guard let cut = text.range(of: " - ") ?? text.range(of: " – ") ?? text.range(of: ": ") else { return false }
      let label = text[..<cut.lowerBound].trimmingWhitespace()
      let lowered = label.lowercased()
      let isPriority = (lowered.count == 2 && lowered.hasPrefix("p") && lowered.last?.isNumber == true)
        || ["critical", "high", "medium", "low"].contains(lowered)
      return ActionItemType(label: label) != nil || isPriority
    }
  }

  /// A list item that opens with a task box: `[ ]`, `[x]`.
  static func isTaskBox(_ item: MarkdownNode) -> Bool {
    guard let first = item.children.first, first.kind == .paragraph else { return false }
    let text = first.plainText
    return text.hasPrefix("[ ]") || text.hasPrefix("[x]") || text.hasPrefix("[X]")
  }

  /// Lines of a paragraph that start with a pasted bullet, with the bullet removed.
  static func bulletLines(_ paragraph: MarkdownNode) -> [(Int, String)] {
    var result: [(Int, String)] = []
    for (offset, line) in paragraph.plainText.splitASCII(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let stripped = TimelineExtractor.stripBullet(line)
      if stripped.count != line.count, !stripped.isEmpty { result.append((offset, String(stripped))) }
    }
    return result
  }

  private static func column(for header: String) -> String? {
    let h = header.lowercased()
    if ["owner", "who", "assignee", "assigned", "responsible", "dri"].contains(where: h.contains) { return "owner" }
    if ["due", "deadline", "expected", "target", "eta", "when"].contains(where: h.contains) { return "due" }
    if ["ticket", "bug", "issue", "link", "jira", "tracking", "reference", "pr"].contains(where: { h.contains($0) }) { return "ticket" }
    if h.contains("priority") || h == "prio" || h == "pri" { return "priority" }
    if h.contains("type") || h.contains("category") || h.contains("kind") { return "type" }
    if h.contains("status") || h.contains("state") || h.contains("done") { return "status" }
    if ["action", "item", "task", "description", "what", "remediation", "follow"].contains(where: h.contains) { return "item" }
    return nil
  }

  private mutating func readTable(_ table: MarkdownNode, group: String?, doneByGroup: Bool) {
    guard let header = table.children.first, case .tableRow(true) = header.kind else { return }
    var mapping: [Int: String] = [:]
    for (index, cell) in header.children.enumerated() {
      if let column = Self.column(for: InlineText.collapse(cell.plainText)), !mapping.values.contains(column) {
        mapping[index] = column
      }
    }
    let itemColumn = mapping.first(where: { $0.value == "item" })?.key
      ?? header.children.indices.first { mapping[$0] == nil } ?? 0
    for row in table.children.dropFirst() {
      let cells = row.children
      guard itemColumn < cells.count else { continue }
      let head = cells[itemColumn].plainText
      if InlineText.collapse(head).isEmpty { continue }
      var columns: [String: String] = [:]
      for (index, name) in mapping where index < cells.count && index != itemColumn {
        columns[name] = InlineText.collapse(cells[index].plainText)
      }
      // No status column, but a cell that is only a status word (`**DONE**` under Reference).
      if !mapping.values.contains("status"),
        let cell = cells.indices.lazy.filter({ $0 != itemColumn }).map({ InlineText.collapse(cells[$0].plainText) })
          .first(where: { ActionItemReader.statusWords[$0.lowercased()] != nil })
      {
        columns["status"] = cell
      }
      items.append(
        reader.item(
          head: head, all: InlineText.collapse(head), links: row.linkDestinations, line: row.range?.start.line ?? 1,
          group: group, doneByGroup: doneByGroup, columns: columns))
    }
  }
}
