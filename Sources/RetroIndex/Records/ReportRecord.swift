import RetroCore

/// One indexed report: where it is, what it was when last read, and its figures.
public struct ReportRecord: Codable, Sendable, Equatable {
  public var path: String
  public var contentHash: String
  /// The file's modification time (seconds since 1970) and size when it was read: a stat
  /// that matches both means the file is unchanged.
  public var modifiedAt: Double
  public var size: Int
  public var title: String?
  public var incidentId: String?
  /// YYYY-MM-DD.
  public var date: String?
  public var publishedDate: String?
  public var severity: String?
  public var status: String?
  public var authors: [String]
  public var tags: [String]
  public var services: [String]
  /// ISO 8601 instant of the first timeline entry.
  public var startedAt: String?
  public var timeToDetect: Double?
  public var timeToMitigate: Double?
  public var timeToResolve: Double?
  /// The root-cause sections' text, for "most frequent root-cause words".
  public var rootCauses: String
  public var indexedAt: String
  /// The root-cause text's meaningful words, each once, counted by `retro stats`; worked out
  /// when the report is indexed (nil in rows an older retro wrote, until they are filled).
  public var rootCauseWords: [String]? = nil

  public static let databaseTableName = "report"
}
