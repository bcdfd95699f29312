/// Reads the parts of one action item from its text: status markers, an explicit id,
/// priority, owners, due date, tickets and type.
struct ActionItemReader {
  let reportKey: String
  let order: DateOrder
  let fallbackYear: Int?
  static let schemeMark = Array("://".utf8)
  static let idPrefixes: Set<String> = ["AI", "ACT", "ACTION", "AR", "CA", "FU", "PA", "RA"]
  static let notTickets: Set<String> = [
    "UTF", "SHA", "ISO", "RFC", "CVE", "TLS", "SSL", "HTTP", "IPV", "AES", "MD", "SEV", "GMT",
    "UTC", "X", "COVID", "RSA", "ECDSA", "ED", "AMD", "ARM", "T", "P", "TCP", "UDP", "IP", "CWE",
    "GHSA", "PEP", "ES", "EC", "DDR", "USB", "GPT", "LLM",
  ]

  /// Builds an item from its first paragraph's text (`head`), the text of the whole item
  /// with its nested bullets (`all`) and its link destinations.
  func item(
    head rawHead: String, all: String, links: [String], line: Int, group: String?, doneByGroup: Bool,
    columns: [String: String] = [:]
  ) -> ActionItem {
    var head = InlineText.collapse(rawHead)
    var status: ActionItemStatus = doneByGroup && !Self.saysStillToDo(InlineText.collapse(rawHead)) ? .done : .open
    var explicitId: String?

    // Task-list boxes, the malformed ones included.
    for (box, done) in [("[ ]", false), ("[]", false), ("[x]", true), ("[X]", true), ("[*]", true), ("[-]", false), ("[✓]", true)] where head.hasPrefix(box) {
      head = String(head.dropFirst(box.count)).trimmingWhitespace()
      if done { status = .done } else if !doneByGroup { status = .open }
      break
    }
    // Strike-through over (nearly) the whole item.
    if head.hasPrefix("~~"), let close = head.range(of: "~~", range: head.index(head.startIndex, offsetBy: 2)..<head.endIndex) {
      status = .done
      head = String(head[head.index(head.startIndex, offsetBy: 2)..<close.lowerBound]) + head[close.upperBound...]
      head = InlineText.collapse(head)
    }
    // The check marks all start with the byte E2: most items have none.
    for marker in ["✅", "✔️", "✔", "☑️", "☑"] where head.utf8.contains(0xE2) && head.contains(marker) {
      status = .done
      head = InlineText.collapse(head.replacingOccurrences(of: marker, with: ""))
    }
    if head.utf8.contains(0x28) || head.utf8.contains(0x5B) {  // ( or [
      var caseless = CaselessText(head)
      for marker in ["(done)", "[done]", "(completed)", "[completed]", "(fixed)", "(closed)", "(complete)"] {
        guard let range = caseless.range(of: marker) else { continue }
        status = .done
        head = InlineText.collapse(head.replacingCharacters(in: range, with: ""))
        caseless = CaselessText(head)
      }
    }
    for prefix in ["DONE:", "Done:", "DONE -", "Completed:", "COMPLETED:"] where head.hasPrefix(prefix) {
      status = .done
      head = String(head.dropFirst(prefix.count)).trimmingWhitespace()
    }
    // `[AI-12]` or `AI-12:` at the start.
    if let id = leadingId(&head) { explicitId = id }
    if status == .open, Self.reportsDoneWork(head) { status = .done }

    var priority = columns["priority"].flatMap { $0.isEmpty ? nil : $0 }
    if priority == nil { priority = leadingPriority(&head) ?? inlinePriority(all) }
    var type = columns["type"].flatMap(ActionItemType.init(label:))
    if type == nil { type = labelledType(all) }
    if let statusColumn = columns["status"], !statusColumn.isEmpty {
      status = Self.isDoneWord(statusColumn) ? .done : .open
    }

    var owners: [String] = []
    if let column = columns["owner"] {
      owners += column.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == "&" || $0 == ";" })
        .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty && !Self.noOwnerWords.contains($0.lowercased()) }
    }
    owners += ownersFromText(head: head, all: all)
    // A `[name]` or `(team)` prefix that named an owner is not part of what to do.
    for (open, close) in [("[", "]"), ("(", ")")] where head.hasPrefix(open) {
      if let end = head.firstIndex(of: Character(close)),
        owners.contains(head[head.index(after: head.startIndex)..<end].trimmingWhitespace())
      {
        head = String(head[head.index(after: end)...]).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":-–")))
      }
    }

    var due = columns["due"].flatMap { TimeStampReader.findDate(in: $0) ?? TimeStampReader.read($0)?.date }
      .flatMap { $0.resolve(order: order, fallbackYear: fallbackYear) }
    if due == nil { due = dueFromText(all) }

    var tickets: [String] = []
    if let column = columns["ticket"] { tickets += Self.ticketsIn(column) }
    tickets += Self.ticketsIn(all)
    tickets += links.filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
    tickets = Self.unique(tickets).filter { $0 != explicitId }

    let text = InlineText.collapse(head)
    let id = explicitId ?? derivedId(text)
    return ActionItem(
      id: id, explicitId: explicitId != nil, text: text, owners: Self.unique(owners), due: due,
      tickets: tickets, priority: priority, type: type, status: status, group: group, line: line)
  }

  func derivedId(_ text: String) -> String {
    let hash = InlineText.stableHash(reportKey + "\n" + InlineText.normalisedWords(text))
    return String(String(hash, radix: 16).leftPadded(to: 16).prefix(10))
  }

  /// An item written as work already done: "Switched to pnpm 10", "Changes have been made",
  /// "DONE in PR #5126". Action-item lists often mix the fixes made during the incident with
  /// the ones still to do; the past tense tells them apart.
  ///
  /// Past tense counts only as the verb of a sentence: `Increased the timeout`, `Switched to
  /// pnpm` are done, while `Automated checks for Y` and `Improved runbooks` (a participle
  /// before its noun) are things to do, and so are questions and work under way (`We've
  /// been exploring …`, `We have begun …`).
  static func reportsDoneWork(_ text: String) -> Bool {
    let words = text.splitASCII(separator: " ")
    if words.contains("DONE") { return true }
    // Byte searches over the ASCII-lowercased text: the phrases are ASCII.
    let lowered = ByteSearch.lowercasedASCII(text)
    if text.hasSuffix("?") { return false }
    // A sentence that starts by saying it is done: `… in the metrics. _done in grafana_.`
    if DonePhrases.doneSentence.contains(where: { ByteSearch.contains(lowered, $0) }) || lowered.starts(with: Array("done ".utf8)) { return true }
    if DonePhrases.underWay.contains(where: { ByteSearch.contains(lowered, $0) }) { return false }
    // `Created a ticket to migrate …`: the work is in the ticket, still to do.
    if let first = words.first?.lowercased(), DonePhrases.tracking.contains(first), words.count > 2,
      ["ticket", "issue", "task", "jira", "bug", "story", "epic"].contains(words[2].lowercased().trimmingCharacters(in: .punctuationCharacters))
    {
      return false
    }
    // `Check every subdomain and make sure we've migrated …`: an order, whatever follows.
    if let first = words.first?.lowercased(), SectionContentCues.imperativeVerbs.contains(first) { return false }
    if DonePhrases.done.contains(where: { ByteSearch.contains(lowered, $0) }) { return true }
    if Self.passivePast(words) { return true }
    guard let first = words.first?.lowercased().trimmingCharacters(in: .punctuationCharacters) else { return false }
    // An irregular past that is not also an order (`set`, `put`, `cut`, `run` are both).
    if DonePhrases.irregularPast.contains(first), words.count > 1 { return true }
    guard first.count > 4, first.hasSuffix("ed") else { return false }
    let notPast: Set<String> = ["need", "needed", "embed", "speed", "proceed", "exceed", "succeed", "feed", "seed", "bleed", "shed"]
    if notPast.contains(first) { return false }
    guard words.count > 1 else { return true }
    // What follows a verb: an object's determiner, a preposition, a number, a gerund.
    let next = words[1].lowercased().trimmingCharacters(in: .punctuationCharacters)
    let verbFollowers: Set<String> = [
      "the", "a", "an", "our", "all", "its", "their", "this", "that", "these", "those", "to", "in", "on", "from",
      "it", "them", "out", "up", "down", "off", "back", "over", "into", "with", "for", "by", "some", "more",
      "any", "each", "every", "both", "new", "additional", "extra", "as", "at", "away",
    ]
    return verbFollowers.contains(next) || next.hasSuffix("ing") || next.first?.isNumber == true
      || words[1].first == "`" || words[1].first?.isUppercase == true
  }

  /// An item under a done heading that says it is still to come: `we will also be
  /// re-evaluating …`, `We are also replacing …`, `This item is still on the roadmap`.
  static func saysStillToDo(_ text: String) -> Bool {
    let firstSentence = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
    let lowered = ByteSearch.lowercasedASCII(" " + firstSentence + " ")
    if DonePhrases.stillToDo.contains(where: { ByteSearch.contains(lowered, $0) }) { return true }
    // `We are (also) replacing …`
    let words = firstSentence.lowercased().split(separator: " ")
    for (index, word) in words.enumerated() where word == "are" || word == "is" {
      var next = index + 1
      while next < words.count, ["also", "now", "currently", "still"].contains(words[next]) { next += 1 }
      if next < words.count, words[next].hasSuffix("ing"), words[next].count > 5, index > 0, ["we", "team", "they"].contains(words[index - 1]) { return true }
    }
    return false
  }

  /// `Hosts were swiftly identified, removed …`, `Access was restricted …`: a passive past in
  /// the first sentence (`was`/`were`/`had been`, an adverb or two, a participle).
  static func passivePast(_ words: [Substring]) -> Bool {
    var index = 0
    while index < words.count {
      let word = words[index].lowercased()
      if word.hasSuffix(".") || word.hasSuffix(";") { return false }
      var next = index + 1
      if word == "was" || word == "were" || (word == "had" && next < words.count && words[next].lowercased() == "been") {
        if word == "had" { next += 1 }
        while next < words.count, words[next].lowercased().hasSuffix("ly") || ["then", "also", "all", "not"].contains(words[next].lowercased()) {
          if words[next].lowercased() == "not" { return false }
          next += 1
        }
        guard next < words.count else { return false }
        let participle = words[next].lowercased().trimmingCharacters(in: .punctuationCharacters)
        return (participle.count > 3 && participle.hasSuffix("ed")) || DonePhrases.participles.contains(participle)
      }
      index += 1
    }
    return false
  }

  private enum DonePhrases {
    static let stillToDo = [" will ", " we'll ", " plan to ", " planning to ", " still on the roadmap", " is planned", " are planned"].map { Array($0.utf8) }
    static let participles: Set<String> = [
      "done", "made", "built", "rebuilt", "set", "put", "cut", "run", "taken", "written", "rewritten", "shut", "kept",
      "sent", "found", "given", "brought", "shipped", "frozen", "torn", "begun", "split", "spun", "held", "paid",
    ]
    static let underWay = [
      "begun", "started", "beginning", "in progress", "working on", "plan to", "planning", " will ", "ongoing",
      "been exploring", "been working", "been investigating", "scheduled", "been planned",
    ].map { Array($0.utf8) }
    static let done = [
      "has been ", "have been ", "we've ", "we have ", "was added", "were added", "is now in place", "now in place",
      "already done", "been done", "been completed",
    ].map { Array($0.utf8) }
    static let doneSentence = [". done ", ". done.", ". _done ", ". *done ", "; done ", ". done,"].map { Array($0.utf8) }
    /// Verbs of filing work elsewhere: done is the filing, not the work.
    static let tracking: Set<String> = ["created", "opened", "filed", "raised", "logged", "submitted"]
    static let irregularPast: Set<String> = [
      "sent", "wrote", "made", "built", "ran", "took", "gave", "began", "brought", "bought", "caught", "drew", "drove",
      "fed", "found", "got", "held", "kept", "led", "left", "lost", "met", "paid", "rode", "rewrote", "rebuilt", "sold",
      "spent", "spun", "stood", "struck", "swapped", "taught", "told", "threw", "understood", "upheld", "withdrew",
      "won", "wound", "forgot", "froze", "hid", "shook", "stole", "tore", "woke",
    ]
  }

  /// What an owner cell holds when nobody owns the item yet (a template's placeholder, a
  /// dash): not an owner.
  static let noOwnerWords: Set<String> = ["-", "—", "–", "todo", "tbd", "tbc", "?", "??", "???", "n/a", "none", "unassigned", "nobody"]

  /// Words that alone say an item's status: a `**DONE**` lead, a `TODO` cell.
  static let statusWords: [String: ActionItemStatus] = [
    "done": .done, "todo": .open, "to do": .open, "doing": .open, "wip": .open, "in progress": .open,
    "blocked": .open, "completed": .done, "fixed": .done,
  ]

  static func isDoneWord(_ text: String) -> Bool {
    let word = InlineText.normalisedWords(text)
    return ["done", "completed", "complete", "closed", "fixed", "resolved", "finished", "shipped", "merged", "yes"]
      .contains(word) || text.contains("✅") || text.contains("✔")
  }

  static func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0.lowercased()).inserted }
  }

  // MARK: - Pieces

  private func leadingId(_ head: inout String) -> String? {
    var body = Substring(head)
    let bracketed = body.hasPrefix("[")
    if bracketed { body = body.dropFirst() }
    let letters = body.prefix(while: { $0.isLetter && $0.isUppercase })
    guard Self.idPrefixes.contains(String(letters)) else { return nil }
    var rest = body.dropFirst(letters.count)
    guard rest.hasPrefix("-") || rest.hasPrefix("#") else { return nil }
    rest = rest.dropFirst()
    let digits = rest.prefix(while: \.isNumber)
    guard !digits.isEmpty else { return nil }
    rest = rest.dropFirst(digits.count)
    if bracketed {
      guard rest.hasPrefix("]") else { return nil }
      rest = rest.dropFirst()
    }
    rest = rest.drop(while: { $0 == ":" || $0 == " " || $0 == "-" || $0 == "–" })
    head = String(rest)
    return "\(letters)-\(digits)"
  }

  private func leadingPriority(_ head: inout String) -> String? {
    let word = head.prefix(while: { $0.isLetter || $0.isNumber })
    let upper = word.uppercased()
    let levels = ["HIGH", "MEDIUM", "MED", "LOW", "CRITICAL", "URGENT", "P0", "P1", "P2", "P3", "P4"]
    guard levels.contains(upper), word == word.uppercased() else { return nil }
    let rest = head.dropFirst(word.count)
    guard rest.isEmpty || rest.first == ":" || rest.first == " " || rest.first == "]" || rest.first == ")" || rest.first == "-" else {
      return nil
    }
    head = String(rest.drop(while: { ": -–])".contains($0) }))
    return upper.hasPrefix("P") ? upper : upper.lowercased()
  }

  private func inlinePriority(_ text: String) -> String? {
    // `P0` to `P4` as a word of its own.
    if text.utf8.contains(0x50) {
      for token in InlineText.tokens(text) where token.utf8.count == 2 && token.first == "P" {
        if let digit = token.last, ("0"..."4").contains(digit) { return String(token) }
      }
    }
    if let range = CaselessText(text).range(of: "priority:") {
      let value = text[range.upperBound...].trimmingWhitespace().prefix(while: { $0.isLetter || $0.isNumber })
      if !value.isEmpty { return value.lowercased() }
    }
    return nil
  }

  private func labelledType(_ text: String) -> ActionItemType? {
    let caseless = CaselessText(text)
    if text.utf8.contains(where: { $0 == 0x5B || $0 == 0x28 }) {  // [ or (
      for (open, close) in [("[", "]"), ("(", ")")] {
        for type in ActionItemType.allCases where caseless.contains(open + type.rawValue + close) {
          return type
        }
      }
    }
    if let range = caseless.range(of: "type:") {
      let value = text[range.upperBound...].lowercased().trimmingWhitespace().prefix(while: \.isLetter)
      return ActionItemType(label: String(value))
    }
    return nil
  }

  private func ownersFromText(head: String, all: String) -> [String] {
    var owners: [String] = []
    // `@handle`, not an e-mail address (most items have no `@`: no need to look).
    let characters = all.utf8.contains(0x40) ? Array(all) : []
    var index = 0
    while index < characters.count {
      if characters[index] == "@", index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == ".") {
        var end = index + 1
        while end < characters.count, characters[end].isLetter || characters[end].isNumber || "-_/".contains(characters[end]) {
          end += 1
        }
        if end > index + 1 { owners.append(String(characters[index..<end])) }
        index = end
      } else {
        index += 1
      }
    }
    // `Owner: Name`, `Owners: A, B`, `Assignee - Name`, `assigned to Name`.
    let caseless = CaselessText(all)
    for label in ["owners:", "owner:", "assignee:", "assignees:", "owner -", "owner –", "assigned to", "owned by", "who:"] {
      guard let range = caseless.range(of: label) else { continue }
      let value = all[range.upperBound...].prefix(while: { !";|)\n(".contains($0) })
      let cut = value.range(of: " due", options: .caseInsensitive).map { value[..<$0.lowerBound] } ?? value
      owners += cut.splitASCII(separator: ",").flatMap { $0.components(separatedBy: " and ") }
        .map { $0.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters.subtracting(CharacterSet(charactersIn: "@-_")))) }
        .filter { !$0.isEmpty && $0.countASCIISplit(separator: " ") <= 4 }
      break
    }
    // `[name] text` and `(team) text` prefixes.
    for (open, close) in [("[", "]"), ("(", ")")] where head.hasPrefix(open) {
      guard let end = head.firstIndex(of: Character(close)) else { continue }
      let name = head[head.index(after: head.startIndex)..<end].trimmingWhitespace()
      let isStatusOrTicket = name.isEmpty || name.count > 30 || name.contains(where: \.isNumber)
        || ["x", "done", "completed", "wip", "in progress", "todo", "open", "closed"].contains(name.lowercased())
        || ["high", "medium", "low", "critical", "urgent"].contains(name.lowercased())
        || ActionItemType(label: name) != nil
      if !isStatusOrTicket, name.allSatisfy({ $0.isLetter || " .-_@/&".contains($0) }) { owners.append(name) }
    }
    return owners
  }

  private func dueFromText(_ text: String) -> CalendarDate? {
    let caseless = CaselessText(text)
    for label in ["due:", "due by", "due date:", "due on", "due", "deadline:", "deadline", "eta:", "by:", "target date:", "by "] {
      var searchStart = text.startIndex
      while let range = caseless.range(of: label, from: searchStart) {
        searchStart = range.upperBound
        if range.lowerBound > text.startIndex {
          let before = text[text.index(before: range.lowerBound)]
          if before.isLetter { continue }
        }
        let after = text[range.upperBound...].drop(while: { $0 == " " || $0 == ":" })
        var scanner = TimeStampReader.Scanner(TimeStampReader.characters(after, limit: 40))
        if let date = scanner.readDate(requireYear: false)?.parts.resolve(order: order, fallbackYear: fallbackYear) {
          return date
        }
      }
    }
    return nil
  }

  static func ticketsIn(_ text: String) -> [String] {
    // Every ticket form has a digit (`OPS-1`, `#1`, `bug 1`, `b/1`) or is a link.
    let bytes = text.utf8
    guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || ByteSearch.contains(Array(bytes), Self.schemeMark) else { return [] }
    var tickets: [String] = []
    for token in InlineText.tokens(text) {
      var word = token
      while let last = word.last, last == "." || last == "-" { word = word.dropLast() }
      if word.hasPrefix("#"), word.count > 1, word.dropFirst().allSatisfy(\.isNumberFast) {
        tickets.append(String(word))
        continue
      }
      // `ABC-123`
      let parts = word.splitASCII(separator: "-")
      if parts.count == 2, let key = parts.first, let number = parts.last, key.count >= 2,
        key.first?.isLetterFast == true, key.allSatisfy({ ($0.isUppercase && $0.isLetterFast) || $0.isNumberFast }),
        number.allSatisfy(\.isNumberFast), !number.isEmpty, !Self.notTickets.contains(String(key)),
        !Self.idPrefixes.contains(String(key))
      {
        tickets.append(String(word))
      }
    }
    // `bug 123`, `issue 123`, `ticket 123`, `b/123`.
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
    for (index, word) in words.enumerated() {
      let lowered = word.lowercased()
      if ["bug", "issue", "ticket", "pr"].contains(lowered), index + 1 < words.count {
        let next = words[index + 1].trimmingCharacters(in: .punctuationCharacters)
        if !next.isEmpty, next.allSatisfy(\.isNumber) { tickets.append("\(lowered) \(next)") }
      } else if lowered.hasPrefix("b/"), lowered.dropFirst(2).allSatisfy(\.isNumber), lowered.count > 2 {
        tickets.append(String(word))
      }
      if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
        tickets.append(String(word).trimmingCharacters(in: CharacterSet(charactersIn: ").,;>")))
      }
    }
    return tickets
  }
}

extension String {
  func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: "0", count: length - count) + self
  }
}

import Foundation
