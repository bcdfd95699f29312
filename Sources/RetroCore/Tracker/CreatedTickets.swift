import Foundation

/// The tickets made for action items, read back for `retro tickets`: which item (by retro
/// id, and report when known) got which ticket. Three sources, told by their content:
///
/// - the record the `gh-issues` script writes: `id<TAB>report<TAB>issue URL` a line;
/// - `gh issue list --json url,body` (or `number,url,title,body`): each body holds the line
///   `retro id: `1a2418f55d` in `retros/x.md`` every export writes;
/// - a Jira CSV export with `Issue key` and `Description` columns: the description holds
///   `retro id: 1a2418f55d in retros/x.md`, as `--format jira-csv` wrote it.
///
/// A ticket whose text holds no retro id was not made by retro and is passed over.
public enum CreatedTickets {
  public struct Ticket: Sendable, Equatable {
    public var itemId: String
    /// The report, as the export named it; nil when it did not.
    public var report: String?
    /// A URL or a key (`OPS-512`).
    public var reference: String
    /// `file:line` of the record.
    public var source: String
  }

  public static func read(path: String) throws -> [Ticket] {
    let text = try SourceFile.load(path: path).text
    let trimmed = text.drop(while: { $0.isWhitespace })
    if trimmed.hasPrefix("[") { return try json(text, path: path) }
    let firstLine = text.prefix { $0 != "\n" }
    if firstLine.contains("\t") || trimmed.isEmpty { return try record(text, path: path) }
    return try jira(text, path: path)
  }

  static func record(_ text: String, path: String) throws -> [Ticket] {
    var tickets: [Ticket] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
      if fields.allSatisfy(\.isEmpty) { continue }
      guard fields.count == 3 || fields.count == 2, !fields[0].isEmpty, let reference = fields.last, !reference.isEmpty else {
        throw InputError(path: path, line: offset + 1, message: "expected a retro id, a report and the ticket's URL, separated by tabs")
      }
      tickets.append(Ticket(itemId: fields[0], report: fields.count == 3 ? fields[1] : nil, reference: reference, source: "\(path):\(offset + 1)"))
    }
    return tickets
  }

  static func json(_ text: String, path: String) throws -> [Ticket] {
    let value: Any
    do {
      value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    } catch {
      throw InputError(path: path, line: 1, message: "is not valid JSON; expected 'gh issue list --json url,body'")
    }
    guard let issues = value as? [[String: Any]] else {
      throw InputError(path: path, line: 1, message: "is not a list of issues; expected 'gh issue list --json url,body'")
    }
    let lines = TrackerExport.elementLines(text)
    var tickets: [Ticket] = []
    for (index, issue) in issues.enumerated() {
      let line = index < lines.count ? lines[index] : 1
      guard let body = issue["body"] as? String else {
        throw InputError(path: path, line: line, message: "an issue has no body; export with 'gh issue list --json url,body'")
      }
      guard let url = issue["url"] as? String else {
        throw InputError(path: path, line: line, message: "an issue has no url; export with 'gh issue list --json url,body'")
      }
      if let (id, report) = idLine(in: body) { tickets.append(Ticket(itemId: id, report: report, reference: url, source: "\(path):\(line)")) }
    }
    return tickets
  }

  static func jira(_ text: String, path: String) throws -> [Ticket] {
    let records: [CSVRecords.Record]
    do {
      records = try CSVRecords.parse(text)
    } catch let error as CSVRecords.UnterminatedQuote {
      throw InputError(path: path, line: error.line, message: "a quoted field is never closed")
    }
    guard let header = records.first else { return [] }
    let columns = TrackerExport.Columns(header.fields)
    guard columns["issue key"] != nil, columns["description"] != nil else {
      throw InputError(
        path: path, line: header.line,
        message: "is not a record retro reads: expected the record the gh-issues script writes, 'gh issue list --json url,body', or a Jira CSV export with 'Issue key' and 'Description' columns")
    }
    return records.dropFirst().compactMap { record in
      guard let key = columns.value("issue key", in: record.fields), let description = columns.value("description", in: record.fields),
        let (id, report) = idLine(in: description)
      else { return nil }
      return Ticket(itemId: id, report: report, reference: key.uppercased(), source: "\(path):\(record.line)")
    }
  }

  /// The retro id and report of the last `retro id: `X` in `path`` (backquotes optional) in
  /// `text`.
  public static func idLine(in text: String) -> (String, String?)? {
    // The last: every export writes the id line last, and item text or a title before it
    // may quote one.
    guard let mark = text.range(of: "retro id: ", options: .backwards) else { return nil }
    var rest = text[mark.upperBound...].prefix { $0 != "\n" && $0 != "\r" }
    func word() -> String {
      if rest.first == "`" { rest = rest.dropFirst() }
      let value = rest.prefix { $0 != "`" && $0 != " " }
      rest = rest.dropFirst(value.count)
      if rest.first == "`" { rest = rest.dropFirst() }
      return String(value)
    }
    let id = word()
    guard !id.isEmpty else { return nil }
    guard rest.hasPrefix(" in ") else { return (id, nil) }
    rest = rest.dropFirst(4)
    var report = rest.hasPrefix("`") ? String(rest.dropFirst().prefix { $0 != "`" }) : String(rest)
    while let last = report.last, last == "." || last == " " { report.removeLast() }
    return (id, report.isEmpty ? nil : report)
  }
}
