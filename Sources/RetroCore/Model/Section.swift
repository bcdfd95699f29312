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
  /// Further kinds the heading names (`Root causes and trigger` is root causes, also trigger).
  public var alsoKinds: [SectionKind] = []
  /// What decided `kind`: the heading's words, or the body when the heading did not say.
  public var foundBy: SectionEvidence = .heading
  /// Why the section is of its kind, for `retro show --explain` (not part of the JSON).
  public var explanation: String = ""

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

  /// True when the body is read as `kind`: its effective kind, or a second kind it names.
  public func reads(as kind: SectionKind) -> Bool { effectiveKind == kind || alsoKinds.contains(kind) }

  /// True when the section is of `kind`, by its own kind or a second one its heading names.
  public func names(_ kind: SectionKind) -> Bool { self.kind == kind || alsoKinds.contains(kind) }

  enum CodingKeys: String, CodingKey { case kind, alsoKinds, foundBy, heading, level, within, range, body }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    kind = try c.decode(SectionKind.self, forKey: .kind)
    heading = try c.decode(String.self, forKey: .heading)
    level = try c.decode(Int.self, forKey: .level)
    within = try c.decodeIfPresent(SectionKind.self, forKey: .within)
    range = try c.decode(SourceRange.self, forKey: .range)
    body = try c.decode(String.self, forKey: .body)
    alsoKinds = try c.decodeIfPresent([SectionKind].self, forKey: .alsoKinds) ?? []
    foundBy = try c.decodeIfPresent(SectionEvidence.self, forKey: .foundBy) ?? .heading
    bodyLines = nil
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(kind, forKey: .kind)
    try c.encode(alsoKinds, forKey: .alsoKinds)
    try c.encode(foundBy, forKey: .foundBy)
    try c.encode(heading, forKey: .heading)
    try c.encode(level, forKey: .level)
    try c.encode(within, forKey: .within)
    try c.encode(range, forKey: .range)
    try c.encode(body, forKey: .body)
  }
}
