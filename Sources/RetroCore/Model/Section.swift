/// One section of a report: its heading, what kind it is, and its Markdown body.
public struct Section: Sendable, Equatable, Codable {
  public var kind: SectionKind
  /// The heading text as written, markup removed.
  public var heading: String
  /// 1 to 6 for Markdown headings; sections found from bold lines or plain lines get the
  /// level they stand at in the outline.
  public var level: Int
  /// The kind of the nearest enclosing canonical section, for sub-sections such as a
  /// `### Short-term` tier under `## Action items`.
  public var within: SectionKind?
  /// The heading's range.
  public var range: SourceRange
  /// The lines of the body (after the heading, up to the next heading), when not empty.
  public var bodyLines: ClosedRange<Int>?
  /// The body's Markdown source, as written.
  public var body: String

  public init(
    kind: SectionKind, heading: String, level: Int, within: SectionKind? = nil,
    range: SourceRange, bodyLines: ClosedRange<Int>? = nil, body: String = ""
  ) {
    self.kind = kind
    self.heading = heading
    self.level = level
    self.within = within
    self.range = range
    self.bodyLines = bodyLines
    self.body = body
  }

  /// The kind that decides how the body is read: its own, or the enclosing section's.
  public var effectiveKind: SectionKind { kind != .custom ? kind : (within ?? .custom) }

  enum CodingKeys: String, CodingKey { case kind, heading, level, within, range, body }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    kind = try c.decode(SectionKind.self, forKey: .kind)
    heading = try c.decode(String.self, forKey: .heading)
    level = try c.decode(Int.self, forKey: .level)
    within = try c.decodeIfPresent(SectionKind.self, forKey: .within)
    range = try c.decode(SourceRange.self, forKey: .range)
    body = try c.decode(String.self, forKey: .body)
    bodyLines = nil
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(kind, forKey: .kind)
    try c.encode(heading, forKey: .heading)
    try c.encode(level, forKey: .level)
    try c.encode(within, forKey: .within)
    try c.encode(range, forKey: .range)
    try c.encode(body, forKey: .body)
  }
}
