/// One ticket from a tracker's export: a Jira issue, a GitHub issue or pull request, a
/// GitLab issue, as the export says it stood.
public struct TrackerTicket: Sendable, Equatable, Codable {
  public enum State: String, Sendable, Codable { case open, closed }

  /// `OPS-412` for Jira; `owner/repo#12` for GitHub and GitLab.
  public var key: String
  /// The repository (`owner/repo`, `group/project`) of a GitHub or GitLab ticket.
  public var repository: String?
  public var number: Int?
  public var url: String?
  public var title: String
  public var state: State
  /// The status as the tracker words it (`In Progress`, `CLOSED`, `MERGED`).
  public var statusText: String
  public var closedOn: CalendarDate?
  public var assignees: [String]
  /// The export file and line the ticket came from.
  public var source: String

  public init(
    key: String, repository: String? = nil, number: Int? = nil, url: String? = nil, title: String, state: State,
    statusText: String, closedOn: CalendarDate? = nil, assignees: [String] = [], source: String
  ) {
    self.key = key
    self.repository = repository
    self.number = number
    self.url = url
    self.title = title
    self.state = state
    self.statusText = statusText
    self.closedOn = closedOn
    self.assignees = assignees
    self.source = source
  }

  /// `OPS-412 closed 2024-03-02`, `owner/repo#12 open (In Progress)`.
  public var summary: String {
    switch state {
    case .closed: return "\(key) closed" + (closedOn.map { " \($0)" } ?? "")
    case .open: return "\(key) open" + (statusText.lowercased() == "open" ? "" : " (\(statusText))")
    }
  }
}
