import Foundation

/// Every ticket of the configured tracker exports, and how an action item's references find
/// theirs: by key (`OPS-412`), by URL, and by `#123` (unambiguous across the exports, or
/// within the report's own repository).
public struct TrackerTickets: Sendable {
  public private(set) var tickets: [TrackerTicket] = []
  private var byKey: [String: Int] = [:]
  private var byURL: [String: Int] = [:]
  private var byNumber: [Int: [Int]] = [:]
  /// The export files read, for messages.
  public private(set) var files: [String] = []

  public init(_ tickets: [TrackerTicket] = [], files: [String] = []) {
    self.files = files
    for ticket in tickets { add(ticket) }
  }

  public var isEmpty: Bool { tickets.isEmpty }

  /// Reads every export; the first bad one stops it, so nothing half-read is used.
  public static func load(paths: [String], statuses: TrackerStatuses) throws -> TrackerTickets {
    var all: [TrackerTicket] = []
    for path in paths { all += try TrackerExport.read(path: path, statuses: statuses) }
    return TrackerTickets(all, files: paths)
  }

  private mutating func add(_ ticket: TrackerTicket) {
    let index = tickets.count
    tickets.append(ticket)
    // A later export of the same ticket is newer news.
    byKey[Self.normalKey(ticket.key)] = index
    if let url = ticket.url { byURL[Self.normalURL(url)] = index }
    if let number = ticket.number {
      byNumber[number, default: []].removeAll { tickets[$0].key == ticket.key }
      byNumber[number, default: []].append(index)
    }
  }

  static func normalKey(_ key: String) -> String { key.lowercased() }

  static func normalURL(_ url: String) -> String {
    var text = url.lowercased()
    if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
    while text.hasSuffix("/") { text.removeLast() }
    if text.hasPrefix("http://") { text = "https://" + text.dropFirst(7) }
    return text
  }

  /// The first ticket the references name. `repository` says which repository the report
  /// lives in (asked only when `#123` matches tickets of several).
  public func ticket(for references: [String], repository: () -> String? = { nil }) -> TrackerTicket? {
    var cachedRepository: String??
    for reference in references {
      let text = reference.trimmingWhitespace()
      if let index = byKey[Self.normalKey(text)] { return tickets[index] }
      if text.hasPrefix("http://") || text.hasPrefix("https://") {
        if let index = byURL[Self.normalURL(text)] { return tickets[index] }
        // The same issue under another URL form (`/pull/` for `/issues/`, a Jira browse link).
        if let repo = TrackerExport.repositoryOf(text), let number = TrackerExport.numberOf(text),
          let index = byKey[Self.normalKey("\(repo)#\(number)")]
        {
          return tickets[index]
        }
        if let last = text.split(separator: "/").last, let index = byKey[Self.normalKey(String(last))] { return tickets[index] }
        continue
      }
      if text.hasPrefix("#"), let number = Int(text.dropFirst()), let candidates = byNumber[number] {
        if candidates.count == 1 { return tickets[candidates[0]] }
        if cachedRepository == nil { cachedRepository = .some(repository()) }
        if let repo = cachedRepository ?? nil,
          let match = candidates.first(where: { tickets[$0].repository?.lowercased() == repo.lowercased() })
        {
          return tickets[match]
        }
      }
    }
    return nil
  }
}
