import Foundation
import RetroCore

/// Writes the ticket made for an action item into the item's line (`retro tickets`): the
/// reference goes at the end of the item's last line, a URL as `<https://…>` so it reads as
/// a link, a key (`OPS-512`) as itself. As `--fix` does, the edit is checked by parsing the
/// result: every other item, the timeline and the sections read as before, and the linked
/// item keeps its text, status, owners and due date and gains the ticket; otherwise the file
/// is left as it was. An item that already names the ticket is left alone.
public struct TicketLinker: Sendable {
  public let parser: IncidentParser

  public init(parser: IncidentParser) {
    self.parser = parser
  }

  /// One ticket for one item.
  public struct Link: Sendable, Equatable {
    public var itemId: String
    public var reference: String

    public init(itemId: String, reference: String) {
      self.itemId = itemId
      self.reference = reference
    }
  }

  public struct Outcome: Sendable {
    public var file: FileFixer.Result
    /// The lines that gained a ticket, with it.
    public var linked: [(line: Int, reference: String)] = []
    /// Items left as they were, and why (already linked, not found).
    public var skipped: [(itemId: String, reason: String)] = []
  }

  public func link(_ links: [Link], path: String) -> Outcome {
    guard let data = FileManager.default.contents(atPath: path) else {
      return Outcome(file: FileFixer.Result(path: path, error: InputError(path: path, message: "cannot be read (check its permissions)")))
    }
    var linked: [(line: Int, reference: String)] = []
    var skipped: [(itemId: String, reason: String)] = []
    let file = FileFixer.rewrite(data, path: path) { text in
      let before = try parser.parse(text: text, path: path)
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      var gained: [Int: String] = [:]
      for link in links {
        guard let item = before.actionItems.first(where: { $0.id == link.itemId }) else {
          skipped.append((link.itemId, "no item with this id in \(path) any more"))
          continue
        }
        if item.tickets.contains(where: { Self.same($0, link.reference) }) || gained[item.line] != nil {
          skipped.append((link.itemId, "already names a ticket from this run or \(link.reference)"))
          continue
        }
        guard item.line >= 1, item.line <= lines.count, !lines[item.line - 1].drop(while: { $0 == " " }).hasPrefix("|") else {
          // A table row: a reference after its last `|` would be a cell of no column.
          skipped.append((link.itemId, "is a table row: write \(link.reference) in its ticket cell"))
          continue
        }
        let last = Self.lastLine(ofItemAt: item.line, in: lines)
        let written = link.reference.contains("://") ? "<\(link.reference)>" : link.reference
        var line = lines[last - 1]
        while let end = line.last, end == " " || end == "\t" { line.removeLast() }
        lines[last - 1] = line + " " + written
        gained[item.line] = link.reference
        linked.append((item.line, link.reference))
      }
      guard !gained.isEmpty else { return nil }
      let edited = lines.joined(separator: "\n")
      let after = try parser.parse(text: edited, path: path)
      if let problem = Self.problem(before: before, after: after, gained: gained) {
        throw InputError(path: path, message: "not changed: writing the tickets in \(problem)")
      }
      return edited
    }
    if file.error != nil { linked = [] }
    return Outcome(file: file, linked: linked, skipped: skipped)
  }

  /// The item's last line: it goes on over indented lines that start no new item, up to a
  /// blank line.
  static func lastLine(ofItemAt line: Int, in lines: [String]) -> Int {
    var last = line
    while last < lines.count {
      let next = lines[last]
      guard let first = next.first, first == " " || first == "\t" else { break }
      let trimmed = next.drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty || ListItemLine(trimmed) != nil { break }
      last += 1
    }
    return last
  }

  /// A reference and a ticket the reader found are the same when one ends the other
  /// (`OPS-12`, `https://github.com/acme/ops/issues/12`).
  public static func same(_ ticket: String, _ reference: String) -> Bool {
    ticket.caseInsensitiveCompare(reference) == .orderedSame || reference.hasSuffix("/" + ticket) || ticket.hasSuffix("/" + reference)
  }

  /// Why `after` is not `before` with the tickets added, or nil.
  static func problem(before: IncidentReport, after: IncidentReport, gained: [Int: String]) -> String? {
    guard before.sections.map(\.kind) == after.sections.map(\.kind) else { return "would change how the sections read" }
    guard before.timeline.count == after.timeline.count,
      zip(before.timeline, after.timeline).allSatisfy({ $0.timeText == $1.timeText && $0.text == $1.text })
    else { return "would change the timeline" }
    guard before.actionItems.count == after.actionItems.count else { return "would change the action items" }
    for (old, new) in zip(before.actionItems, after.actionItems) {
      if let reference = gained[old.line] {
        guard new.status == old.status, new.owners == old.owners, new.due == old.due,
          old.tickets.allSatisfy(new.tickets.contains), new.tickets.contains(where: { same($0, reference) })
        else { return "would change the action item on line \(old.line), or not be read as its ticket" }
      } else if old.text != new.text || old.status != new.status || old.tickets != new.tickets || old.owners != new.owners {
        return "would change the action item on line \(old.line)"
      }
    }
    return nil
  }
}
