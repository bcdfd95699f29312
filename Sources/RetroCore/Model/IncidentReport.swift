/// One incident retrospective, read from one Markdown file.
public struct IncidentReport: Sendable, Equatable, Codable {
  public static let schemaVersion = 1

  /// The path the report was read from.
  public var source: String
  /// The front matter as written, kept whole so publishing loses nothing.
  public var frontMatter: FrontMatterTable?
  public var title: String?
  public var id: String?
  /// The incident's date.
  public var date: CalendarDate?
  /// The date the report was posted, when it differs from the incident's (a blog post).
  public var publishedDate: CalendarDate?
  public var authors: [String]
  /// `draft`, `in-review`, `final`, `published`, or what the author wrote, lowercased.
  public var status: String?
  public var severity: String?
  public var services: [String]
  public var tags: [String]
  /// Every section in document order, canonical and custom.
  public var sections: [Section]
  public var timeline: [TimelineEntry]
  public var lessons: Lessons
  public var actionItems: [ActionItem]
  public var metrics: IncidentMetrics
  public var warnings: [InputWarning]

  public init(
    source: String, frontMatter: FrontMatterTable? = nil, title: String? = nil, id: String? = nil,
    date: CalendarDate? = nil, publishedDate: CalendarDate? = nil, authors: [String] = [],
    status: String? = nil, severity: String? = nil, services: [String] = [], tags: [String] = [],
    sections: [Section] = [], timeline: [TimelineEntry] = [], lessons: Lessons = Lessons(),
    actionItems: [ActionItem] = [], metrics: IncidentMetrics = IncidentMetrics(),
    warnings: [InputWarning] = []
  ) {
    self.source = source
    self.frontMatter = frontMatter
    self.title = title
    self.id = id
    self.date = date
    self.publishedDate = publishedDate
    self.authors = authors
    self.status = status
    self.severity = severity
    self.services = services
    self.tags = tags
    self.sections = sections
    self.timeline = timeline
    self.lessons = lessons
    self.actionItems = actionItems
    self.metrics = metrics
    self.warnings = warnings
  }

  /// The first section of `kind`.
  public func section(_ kind: SectionKind) -> Section? {
    sections.first { $0.names(kind) }
  }

  /// True when a section of `kind` is present, as its own heading or as a sub-list.
  public func has(_ kind: SectionKind) -> Bool {
    sections.contains { $0.names(kind) }
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, source, title, id, date, publishedDate, severity, status, authors, tags
    case services, frontMatter, sections, timeline, lessons, actionItems, metrics, warnings
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    source = try c.decode(String.self, forKey: .source)
    frontMatter = try c.decodeIfPresent(FrontMatterTable.self, forKey: .frontMatter)
    title = try c.decodeIfPresent(String.self, forKey: .title)
    id = try c.decodeIfPresent(String.self, forKey: .id)
    date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
    publishedDate = try c.decodeIfPresent(CalendarDate.self, forKey: .publishedDate)
    authors = try c.decode([String].self, forKey: .authors)
    status = try c.decodeIfPresent(String.self, forKey: .status)
    severity = try c.decodeIfPresent(String.self, forKey: .severity)
    services = try c.decode([String].self, forKey: .services)
    tags = try c.decode([String].self, forKey: .tags)
    sections = try c.decode([Section].self, forKey: .sections)
    timeline = try c.decode([TimelineEntry].self, forKey: .timeline)
    lessons = try c.decode(Lessons.self, forKey: .lessons)
    actionItems = try c.decode([ActionItem].self, forKey: .actionItems)
    metrics = try c.decode(IncidentMetrics.self, forKey: .metrics)
    warnings = try c.decodeIfPresent([InputWarning].self, forKey: .warnings) ?? []
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(IncidentReport.schemaVersion, forKey: .schemaVersion)
    try c.encode(source, forKey: .source)
    try c.encode(title, forKey: .title)
    try c.encode(id, forKey: .id)
    try c.encode(date, forKey: .date)
    try c.encode(publishedDate, forKey: .publishedDate)
    try c.encode(severity, forKey: .severity)
    try c.encode(status, forKey: .status)
    try c.encode(authors, forKey: .authors)
    try c.encode(tags, forKey: .tags)
    try c.encode(services, forKey: .services)
    try c.encode(frontMatter, forKey: .frontMatter)
    try c.encode(sections, forKey: .sections)
    try c.encode(timeline, forKey: .timeline)
    try c.encode(lessons, forKey: .lessons)
    try c.encode(actionItems, forKey: .actionItems)
    try c.encode(metrics, forKey: .metrics)
    try c.encode(warnings, forKey: .warnings)
  }
}
