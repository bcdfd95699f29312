/// What a section's body looks like, as evidence for its kind when the heading does not say:
/// mostly timestamped lines read as a timeline; a list of short items with owners, tickets,
/// task boxes or imperative verbs reads as action items.
struct SectionContentCues: Equatable {
  /// Lines that could be entries: list items, paragraph lines, table rows, code lines.
  var lines = 0
  /// Those that start with a time of day (or a date and time).
  var stamped = 0
  /// List items and table rows.
  var items = 0
  /// Items that read like work to do: a task box, an owner, a ticket or an imperative verb.
  var workItems = 0
  /// Items that report work done (`Hosts were rebuilt`, `Switched to pnpm`).
  var doneItems = 0

  /// Most items report work done: what was done to resolve it, not work still to do.
  var reportsDoneWork: Bool { items >= 3 && doneItems * 10 >= items * 7 }

  /// The kind the body points to, if it clearly points to one.
  var suggestedKind: SectionKind? {
    if stamped >= 3, stamped * 10 >= lines * 6 { return .timeline }
    if items >= 3, workItems * 10 >= items * 7 { return .actionItems }
    return nil
  }

  /// `12 of 14 lines timestamped; 3 of 3 items read as work to do`.
  var summary: String {
    "\(stamped) of \(lines) lines timestamped; \(workItems) of \(items) items read as work to do, \(doneItems) as work done"
  }

  init(blocks: [MarkdownNode]) {
    for block in blocks { add(block) }
  }

  private mutating func add(_ block: MarkdownNode) {
    switch block.kind {
    case .list:
      for item in block.children {
        let first = item.children.first
        let text = first.map { Self.firstLine($0.plainText) } ?? ""
        lines += 1
        items += 1
        if Self.isStamped(text) { stamped += 1 }
        if Self.readsAsWork(text, whole: item.plainText) { workItems += 1 }
        if ActionItemReader.reportsDoneWork(InlineText.collapse(text)) { doneItems += 1 }
      }
    case .paragraph:
      for line in block.plainText.splitASCII(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
        lines += 1
        if Self.isStamped(String(TimelineExtractor.stripBullet(line))) { stamped += 1 }
      }
    case .table:
      for row in block.children.dropFirst() {
        let cells = row.children.map { InlineText.collapse($0.plainText) }
        lines += 1
        items += 1
        if cells.prefix(2).contains(where: Self.isStamped) { stamped += 1 }
        if Self.readsAsWork(cells.first ?? "", whole: cells.joined(separator: " ")) { workItems += 1 }
      }
    case .codeBlock(_, let literal):
      // A list indented four spaces under its heading is a code block to CommonMark.
      // Only its bulleted lines count: a log transcript in a fence is not a timeline.
      for line in literal.splitASCII(separator: "\n") {
        guard let text = TimelineExtractor.bulletText(line) else { continue }
        lines += 1
        if Self.isStamped(String(text)) { stamped += 1 }
      }
    case .blockQuote:
      for child in block.children { add(child) }
    default:
      break
    }
  }

  static func firstLine(_ text: String) -> String {
    String(text.splitASCII(separator: "\n", maxSplits: 1).first ?? "")
  }

  static let yearSlot = Array("yyyy".utf8)

  static func isStamped(_ text: String) -> Bool {
    // The first scalar past spaces and emphasis marks must be a digit or a letter: read from
    // the bytes when it is ASCII, from its Unicode properties otherwise.
    guard let lead = text.utf8.first(where: { $0 != 0x20 && $0 != 0x2A && $0 != 0x5F }) else { return false }
    if lead < 0x80 {
      guard (lead >= 0x30 && lead <= 0x39) || ((lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A) else { return false }
    } else {
      guard let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "*" && $0 != "_" }), first.properties.isAlphabetic
      else { return false }
    }
    // A stamp starts the line, and one with a time (or a slot for one) has a digit, a colon
    // or a question mark near the start (`10:00`, `March 3, 10:00`, `??:??`), or is a date
    // slot (`YYYY-MM-DD`): most prose lines have none and skip the scanner.
    let head = text.utf8.prefix(96)
    guard head.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A || $0 == 0x3F })
      || ByteSearch.contains(ByteSearch.lowercasedASCII(String(decoding: head, as: UTF8.self)), Self.yearSlot)
    else { return false }
    guard let stamp = TimeStampReader.read(text) else { return false }
    return stamp.hasTime || stamp.unreadable
  }

  /// Verbs that open an action item: `Add an alert`, `Investigate …`, `Document …`.
  static let imperativeVerbs: Set<String> = [
    "add", "adjust", "alert", "allow", "audit", "automate", "build", "change", "check", "clarify", "clean",
    "consider", "configure", "create", "decide", "define", "deploy", "deprecate", "design", "detect", "disable",
    "document", "enable", "enforce", "ensure", "establish", "evaluate", "expand", "explore", "extend",
    "fix", "harden", "implement", "improve", "increase", "introduce", "investigate", "isolate", "limit",
    "make", "maximise", "maximize", "migrate", "minimise", "minimize", "monitor", "move", "prevent", "provide", "reduce", "refactor", "remove", "rename",
    "replace", "require", "research", "restrict", "review", "revisit", "rotate", "run", "schedule",
    "separate", "set", "ship", "simplify", "split", "standardise", "standardize", "start", "stop",
    "switch", "test", "track", "train", "update", "upgrade", "use", "validate", "verify", "write",
  ]

  /// An item with a task box, an @owner, a ticket key or URL, or an imperative first verb.
  private enum Needles {
    static let spaceAt = Array(" @".utf8)
    static let owner = Array("owner:".utf8)
    static let issues = Array("/issues/".utf8)
    static let pull = Array("/pull/".utf8)
  }

  /// A line that tells what someone did: `@cq94 restarted the VM`, `@teolemon calls
  /// @alexgarel`, `@cq94 later mentioned ...`. The handles in it are people in the story,
  /// not owners.
  static func narrates(_ text: Substring) -> Bool {
    let words = text.splitASCII(separator: " ").prefix(3)
    guard words.count > 1, words[words.startIndex].hasPrefix("@") else { return false }
    return words.dropFirst().contains { word in
      guard let first = word.first, first.isLowercase, word.count > 3 else { return false }
      return word.hasSuffix("ed") || (word.hasSuffix("s") && !word.hasSuffix("ss"))
    }
  }

  static func readsAsWork(_ head: String, whole: String) -> Bool {
    let trimmed = head.drop(while: { $0 == " " })
    if trimmed.hasPrefix("[ ]") || trimmed.hasPrefix("[x]") || trimmed.hasPrefix("[X]") { return true }
    // A bare link (`- https://github.com/org/repo/pull/3226`) lists a change; it asks nothing.
    if (trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://")), !trimmed.contains(" "), whole.trimmingWhitespaceAndNewlines() == trimmed.trimmingWhitespaceAndNewlines() {
      return false
    }
    // Byte searches: this runs on every item of every section whose heading leaves it open.
    let bytes = ByteSearch.lowercasedASCII(whole)
    if bytes.first == 0x40 || ByteSearch.contains(bytes, Needles.spaceAt) || ByteSearch.contains(bytes, Needles.owner),
      !narrates(trimmed)
    {
      return true
    }
    // A ticket the action-item reader would take (`OPS-412`, `#123`), or a link to an issue or
    // pull request; a link elsewhere is not one. Every such ticket has a digit.
    if ByteSearch.contains(bytes, Needles.issues) || ByteSearch.contains(bytes, Needles.pull) { return true }
    // The verb first: it is cheap, and the ticket search is not.
    // The first run of letters (what splitting on non-letters would give first).
    let firstWord = trimmed.drop(while: { !$0.isLetterFast }).prefix(while: \.isLetterFast).lowercased()
    if imperativeVerbs.contains(firstWord) && head.countASCIISplit(separator: " ") <= 40 { return true }
    return bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
      && ActionItemReader.ticketsIn(whole).contains(where: { !$0.hasPrefix("http") })
  }
}
