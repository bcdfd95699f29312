import Foundation

/// One record of an incident to draft timeline entries from: an export file or folder,
/// named as `KIND:PATH` or just `PATH` (the kind then read from its shape).
public struct TimelineSource: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    case slack, pagerduty, opsgenie, alertmanager, grafana
    case ghRuns = "gh-runs"
    case ghDeployments = "gh-deployments"
    case git
  }

  public var kind: Kind?
  public var path: String

  public init(kind: Kind? = nil, path: String) {
    self.kind = kind
    self.path = path
  }

  /// `pagerduty:log.json`, `slack:export/`, or a path.
  public init(spec: String) {
    if let colon = spec.firstIndex(of: ":"), let kind = Kind(rawValue: spec[..<colon].lowercased()) {
      self.init(kind: kind, path: String(spec[spec.index(after: colon)...]))
    } else {
      self.init(path: spec)
    }
  }

  /// The events of the source, those between `since` and `until` when given.
  public func read(channel: String? = nil, since: Date? = nil, until: Date? = nil) throws -> (kind: Kind, events: [ImportedEvent]) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw InputError(path: path, message: "does not exist")
    }
    let found: Kind
    var events: [ImportedEvent]
    if isFolder.boolValue {
      if let kind, kind != .slack, kind != .git {
        throw InputError(path: path, message: "is a folder; a \(kind.rawValue) source is a JSON file")
      }
      if kind == .slack || (kind == nil && SlackExportReader.looksLike(folder: path)) {
        found = .slack
        events = try SlackExportReader.read(path: path, channel: channel, since: since, until: until)
      } else if kind == .git || GitLogReader.isRepository(path) {
        found = .git
        events = try GitLogReader.read(repository: path, since: since, until: until)
      } else {
        throw InputError(path: path, message: "is neither a Slack export (a folder of channel folders) nor a git repository")
      }
    } else {
      if kind == .slack || kind == .git {
        throw InputError(path: path, message: "is a file; a \(kind!.rawValue) source is a folder (\(kind == .slack ? "the unzipped export" : "the repository"))")
      }
      let json = try ImportJSON.read(path)
      guard let kind = kind ?? Self.kind(of: json) else {
        throw InputError(
          path: path,
          message: "is JSON of no format retro reads: name it as KIND:\(path), KIND one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      if let named = self.kind, !Self.looks(json, like: named), !Self.isEmptyExport(json) {
        let shape = Self.kind(of: json).map { "; it reads as \($0.rawValue)" } ?? ""
        throw InputError(path: path, message: "was named \(named.rawValue): but holds nothing of that format (\(Self.expected(named)))\(shape)")
      }
      found = kind
      switch kind {
      case .pagerduty: events = try PagerDutyLogReader.read(json, path: path)
      case .opsgenie: events = try OpsgenieLogReader.read(json, path: path)
      case .alertmanager: events = try AlertmanagerReader.read(json, path: path)
      case .grafana: events = try GrafanaAnnotationsReader.read(json, path: path)
      case .ghRuns: events = try GitHubRunsReader.read(json, path: path)
      case .ghDeployments: events = try GitHubDeploymentsReader.read(json, path: path)
      case .slack, .git: events = []
      }
    }
    events = events.filter { event in
      (since.map { event.instant >= $0 } ?? true) && (until.map { event.instant <= $0 } ?? true)
    }
    return (found, events)
  }

  static func looks(_ json: Any, like kind: Kind) -> Bool {
    switch kind {
    case .pagerduty: return PagerDutyLogReader.looksLike(json)
    case .opsgenie: return OpsgenieLogReader.looksLike(json)
    case .alertmanager: return AlertmanagerReader.looksLike(json)
    case .grafana: return GrafanaAnnotationsReader.looksLike(json)
    case .ghRuns: return GitHubRunsReader.looksLike(json)
    case .ghDeployments: return GitHubDeploymentsReader.looksLike(json)
    case .slack, .git: return false
    }
  }

  /// An export with nothing in it (`[]`, `{"log_entries": []}`), which any kind may be.
  static func isEmptyExport(_ json: Any) -> Bool {
    if let array = json as? [Any] { return array.isEmpty }
    if let object = json as? [String: Any] { return object.values.contains { ($0 as? [Any])?.isEmpty == true } }
    return false
  }

  static func expected(_ kind: Kind) -> String {
    switch kind {
    case .pagerduty: return "PagerDuty's log_entries"
    case .opsgenie: return "Opsgenie's alert log: data with log and createdAt"
    case .alertmanager: return "alerts with startsAt, or webhook payloads"
    case .grafana: return "annotations with newState and time"
    case .ghRuns: return "gh run list --json with workflowName, status, conclusion"
    case .ghDeployments: return "deployments with environment, sha, created_at"
    case .slack, .git: return "a folder"
    }
  }

  /// The format of a JSON export, from its shape.
  static func kind(of json: Any) -> Kind? {
    if PagerDutyLogReader.looksLike(json) { return .pagerduty }
    if OpsgenieLogReader.looksLike(json) { return .opsgenie }
    if AlertmanagerReader.looksLike(json) { return .alertmanager }
    if GrafanaAnnotationsReader.looksLike(json) { return .grafana }
    if GitHubRunsReader.looksLike(json) { return .ghRuns }
    if GitHubDeploymentsReader.looksLike(json) { return .ghDeployments }
    return nil
  }
}

extension TimelineSource {
  /// An ISO 8601 instant with its zone (`2026-03-14T09:00Z`, `2026-03-14 10:00+01:00`).
  public static func instant(_ text: String) -> Date? {
    guard let last = text.last, last == "Z" || last == "z" || text.dropFirst(16).contains(where: { $0 == "+" || $0 == "-" }) else { return nil }
    return ImportJSON.isoInstant(text)
  }
}
