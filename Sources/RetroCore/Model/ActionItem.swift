/// Something the team commits to do after the incident.
public struct ActionItem: Sendable, Equatable, Codable {
  /// An explicit id (`AI-7`) when the author gave one, else one derived from the report
  /// and the item's normalised text, stable across edits of whitespace and case.
  public var id: String
  public var explicitId: Bool
  public var text: String
  public var owners: [String]
  public var due: CalendarDate?
  public var tickets: [String]
  public var priority: String?
  public var type: ActionItemType?
  public var status: ActionItemStatus
  /// The tier or sub-heading the item sits under (`Short-term`), when it has one.
  public var group: String?
  public var line: Int

  public init(
    id: String, explicitId: Bool = false, text: String, owners: [String] = [], due: CalendarDate? = nil,
    tickets: [String] = [], priority: String? = nil, type: ActionItemType? = nil,
    status: ActionItemStatus = .open, group: String? = nil, line: Int
  ) {
    self.id = id
    self.explicitId = explicitId
    self.text = text
    self.owners = owners
    self.due = due
    self.tickets = tickets
    self.priority = priority
    self.type = type
    self.status = status
    self.group = group
    self.line = line
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(explicitId, forKey: .explicitId)
    try c.encode(text, forKey: .text)
    try c.encode(owners, forKey: .owners)
    try c.encode(due, forKey: .due)
    try c.encode(tickets, forKey: .tickets)
    try c.encode(priority, forKey: .priority)
    try c.encode(type, forKey: .type)
    try c.encode(status, forKey: .status)
    try c.encode(group, forKey: .group)
    try c.encode(line, forKey: .line)
  }
}
