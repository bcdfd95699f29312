import Foundation

/// Reads a tracker's own export into tickets: the JSON of `gh issue list` / `gh pr list`
/// (`--json number,title,state,closedAt,url,assignees,labels`), a Jira CSV export (Issue key,
/// Status, Resolved, Assignee) or a GitLab issues CSV export (Issue ID, URL, State, Closed At).
/// The format is told by the content. Anything wrong (a missing column, a status in neither
/// list of `TrackerStatuses`, a date that cannot be read) is an error naming the file and line.
public enum TrackerExport {
  public enum Format: String, Sendable { case github, jira, gitlab }

  public static func read(path: String, statuses: TrackerStatuses) throws -> [TrackerTicket] {
    let source = try SourceFile.load(path: path)
    return try parse(source.text, path: path, statuses: statuses)
  }

  public static func parse(_ text: String, path: String, statuses: TrackerStatuses) throws -> [TrackerTicket] {
    let trimmed = text.drop(while: { $0.isWhitespace })
    if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") { return try github(text, path: path, statuses: statuses) }
    let records: [CSVRecords.Record]
    do {
      records = try CSVRecords.parse(text)
    } catch let error as CSVRecords.UnterminatedQuote {
      throw InputError(path: path, line: error.line, message: "a quoted field is never closed")
    }
    guard let header = records.first else {
      throw InputError(path: path, line: 1, message: "is empty; expected a tracker export")
    }
    let columns = Columns(header.fields)
    if columns["issue key"] != nil { return try jira(records, columns: columns, path: path, statuses: statuses) }
    if columns["issue id"] != nil || (columns["url"] != nil && columns["state"] != nil) {
      return try gitlab(records, columns: columns, path: path, statuses: statuses)
    }
    throw InputError(
      path: path, line: header.line,
      message: "is not a tracker export retro reads: expected the JSON of 'gh issue list --json number,title,state,closedAt,url,assignees,labels', a Jira CSV export (with 'Issue key' and 'Status' columns) or a GitLab issues CSV export (with 'Issue ID', 'URL' and 'State')")
  }

  /// Header names, case and spacing ignored; the first of a repeated name wins (Jira repeats
  /// some, such as Labels).
  struct Columns {
    private var index: [String: Int] = [:]
    init(_ names: [String]) {
      for (position, name) in names.enumerated() {
        let key = name.trimmingWhitespace().lowercased()
        if index[key] == nil { index[key] = position }
      }
    }
    subscript(name: String) -> Int? { index[name] }
    func value(_ name: String, in fields: [String]) -> String? {
      guard let position = index[name], position < fields.count else { return nil }
      let value = fields[position].trimmingWhitespace()
      return value.isEmpty ? nil : value
    }
  }

  // MARK: GitHub

  static func github(_ text: String, path: String, statuses: TrackerStatuses) throws -> [TrackerTicket] {
    let lines = elementLines(text)
    let value: Any
    do {
      value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    } catch {
      throw InputError(path: path, line: 1, message: "is not valid JSON: \(error.localizedDescription)")
    }
    guard let array = value as? [Any] else {
      throw InputError(path: path, line: 1, message: "is JSON but not a list; export with 'gh issue list --state all --json number,title,state,closedAt,url,assignees,labels'")
    }
    return try array.enumerated().map { offset, element in
      let line = offset < lines.count ? lines[offset] : 1
      guard let object = element as? [String: Any], let number = object["number"] as? Int,
        let stateText = object["state"] as? String
      else {
        throw InputError(path: path, line: line, message: "an entry has no 'number' or 'state'; export with --json number,title,state,closedAt,url,assignees,labels")
      }
      guard let state = statuses.state(of: stateText) else {
        throw InputError(path: path, line: line, message: "state '\(stateText)' of #\(number) is neither open nor done; add it under 'trackerStatuses:' in .retro.yml")
      }
      var closedOn: CalendarDate?
      if let closed = object["closedAt"] as? String, !closed.isEmpty, !closed.hasPrefix("0001-") {
        guard let day = date(closed) else {
          throw InputError(path: path, line: line, message: "closedAt '\(closed)' of #\(number) is not a date")
        }
        closedOn = day
      }
      let url = object["url"] as? String
      let repository = url.flatMap(repositoryOf)
      let assignees = (object["assignees"] as? [[String: Any]] ?? []).compactMap { $0["login"] as? String }
      return TrackerTicket(
        key: "\(repository ?? "")#\(number)", repository: repository, number: number, url: url,
        title: object["title"] as? String ?? "", state: state, statusText: stateText,
        closedOn: state == .closed ? closedOn : nil, assignees: assignees, source: "\(path):\(line)")
    }
  }

  /// The line each element of a top-level JSON array starts on.
  static func elementLines(_ text: String) -> [Int] {
    var lines: [Int] = []
    var line = 1
    var depth = 0
    var inString = false
    var escaped = false
    var expectElement = false
    for byte in text.utf8 {
      if byte == 0x0A { line += 1 }
      if inString {
        if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        if depth == 1 && expectElement { lines.append(line); expectElement = false }
        inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        if depth == 1 && expectElement { lines.append(line); expectElement = false }
        depth += 1
        if depth == 1 { expectElement = true }
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
      case UInt8(ascii: ","):
        if depth == 1 { expectElement = true }
      case 0x20, 0x09, 0x0A, 0x0D:
        break
      default:
        if depth == 1 && expectElement { lines.append(line); expectElement = false }
      }
    }
    return lines
  }

  // MARK: Jira

  static func jira(_ records: [CSVRecords.Record], columns: Columns, path: String, statuses: TrackerStatuses) throws -> [TrackerTicket] {
    guard columns["status"] != nil else {
      throw InputError(path: path, line: records[0].line, message: "has an 'Issue key' column but no 'Status' column; export all fields")
    }
    return try records.dropFirst().map { record in
      guard let key = columns.value("issue key", in: record.fields) else {
        throw InputError(path: path, line: record.line, message: "a row has no Issue key")
      }
      guard let statusText = columns.value("status", in: record.fields), let state = statuses.state(of: statusText) else {
        let status = columns.value("status", in: record.fields) ?? ""
        throw InputError(
          path: path, line: record.line,
          message: "status '\(status)' of \(key) is neither open nor done; add it under 'trackerStatuses:' in .retro.yml (done: or open:)")
      }
      var closedOn: CalendarDate?
      if let resolved = columns.value("resolved", in: record.fields) {
        guard let day = date(resolved) else {
          throw InputError(path: path, line: record.line, message: "Resolved '\(resolved)' of \(key) is not a date")
        }
        closedOn = day
      }
      let assignee = columns.value("assignee", in: record.fields)
      return TrackerTicket(
        key: key.uppercased(), title: columns.value("summary", in: record.fields) ?? "", state: state, statusText: statusText,
        closedOn: state == .closed ? closedOn : nil, assignees: assignee.map { [$0] } ?? [], source: "\(path):\(record.line)")
    }
  }

  // MARK: GitLab

  static func gitlab(_ records: [CSVRecords.Record], columns: Columns, path: String, statuses: TrackerStatuses) throws -> [TrackerTicket] {
    guard columns["state"] != nil else {
      throw InputError(path: path, line: records[0].line, message: "has an 'Issue ID' column but no 'State' column; export all fields")
    }
    return try records.dropFirst().map { record in
      let url = columns.value("url", in: record.fields)
      let repository = url.flatMap(repositoryOf)
      guard let number = columns.value("issue id", in: record.fields).flatMap({ Int($0) }) ?? url.flatMap(numberOf) else {
        throw InputError(path: path, line: record.line, message: "a row has no Issue ID or issue URL")
      }
      let stateText = columns.value("state", in: record.fields) ?? ""
      guard let state = statuses.state(of: stateText) else {
        throw InputError(path: path, line: record.line, message: "state '\(stateText)' of #\(number) is neither open nor done; add it under 'trackerStatuses:' in .retro.yml")
      }
      var closedOn: CalendarDate?
      if let closed = columns.value("closed at (utc)", in: record.fields) ?? columns.value("closed at", in: record.fields) {
        guard let day = date(closed) else {
          throw InputError(path: path, line: record.line, message: "Closed At '\(closed)' of #\(number) is not a date")
        }
        closedOn = day
      }
      let assignee = columns.value("assignee username", in: record.fields) ?? columns.value("assignee", in: record.fields)
      return TrackerTicket(
        key: "\(repository ?? "")#\(number)", repository: repository, number: number, url: url,
        title: columns.value("title", in: record.fields) ?? "", state: state, statusText: stateText,
        closedOn: state == .closed ? closedOn : nil, assignees: assignee.map { [$0] } ?? [], source: "\(path):\(record.line)")
    }
  }

  // MARK: Values

  static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// `2024-03-02`, `2024-03-02T10:15:00Z`, `2024-03-02 10:15:00 UTC`, or Jira's
  /// `02/Mar/24 10:15 AM` and `02/Mar/2024`.
  public static func date(_ text: String) -> CalendarDate? {
    let value = text.trimmingWhitespace()
    if value.utf8.count >= 10, let day = CalendarDate(iso: value.prefix(10)) { return day }
    let parts = value.split(separator: " ").first?.split(separator: "/") ?? []
    guard parts.count == 3, let day = Int(parts[0]), let month = months.firstIndex(of: parts[1].lowercased()),
      var year = Int(parts[2])
    else { return nil }
    if year < 100 { year += 2000 }
    return CalendarDate(year: year, month: month + 1, day: day)
  }

  /// `owner/repo` of a GitHub URL, `group/sub/project` of a GitLab one.
  public static func repositoryOf(_ url: String) -> String? {
    guard let parsed = URL(string: url), parsed.host != nil else { return nil }
    var parts = parsed.path.split(separator: "/").map(String.init)
    if let dash = parts.firstIndex(of: "-") { parts = Array(parts[..<dash]) }
    if let kind = parts.firstIndex(where: { $0 == "issues" || $0 == "pull" || $0 == "merge_requests" }) { parts = Array(parts[..<kind]) }
    return parts.count >= 2 ? parts.joined(separator: "/") : nil
  }

  static func numberOf(_ url: String) -> Int? {
    url.split(separator: "/").last.flatMap { Int($0) }
  }
}
