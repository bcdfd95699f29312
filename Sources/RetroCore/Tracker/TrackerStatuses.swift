/// Which tracker statuses mean done and which mean open. Jira's are per project
/// (`trackerStatuses:` in `.retro.yml` adds a team's own); a status in neither list is an
/// error naming the export's line, never a guess.
public struct TrackerStatuses: Sendable, Equatable {
  public var done: Set<String>
  public var open: Set<String>

  public static let defaultDone: Set<String> = [
    "done", "closed", "resolved", "complete", "completed", "fixed", "merged", "won't do", "won't fix", "wont do",
    "wont fix", "cancelled", "canceled", "duplicate", "declined", "rejected", "released", "shipped",
  ]
  public static let defaultOpen: Set<String> = [
    "open", "opened", "to do", "todo", "in progress", "in review", "review", "code review", "backlog",
    "selected for development", "blocked", "reopened", "new", "triage", "testing", "qa", "ready", "waiting",
    "on hold", "in development", "draft",
  ]

  public init(done: [String] = [], open: [String] = []) {
    self.done = Self.defaultDone.union(done.map { $0.lowercased() })
    self.open = Self.defaultOpen.union(open.map { $0.lowercased() }).subtracting(done.map { $0.lowercased() })
  }

  /// The state of a status, or nil when it is in neither list.
  public func state(of status: String) -> TrackerTicket.State? {
    let key = status.trimmingWhitespace().lowercased()
    if done.contains(key) { return .closed }
    if open.contains(key) { return .open }
    return nil
  }
}
