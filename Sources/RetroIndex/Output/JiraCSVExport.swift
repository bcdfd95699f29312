import RetroCore

/// `retro actions --format jira-csv`: open items without a ticket, as a file Jira's CSV
/// importer (System → External system import → CSV) takes. Map the columns to the fields of
/// the same name; dates are `yyyy-MM-dd`, which the importer's date-format box must say.
/// An owner written as a handle becomes the assignee (without the `@`), so it must match a
/// Jira user name. Fields are written by `CSVField`, as `--format csv`'s are, so a summary a
/// spreadsheet would run as a formula gets a `'` in front.
public struct JiraCSVExport: Sendable {
  public init() {}

  public func render(_ rows: [ActionItemRow]) -> String {
    var out = "Summary,Issue Type,Description,Assignee,Due Date,Priority,Labels\n"
    for row in rows where row.status == "open" && row.tickets.isEmpty {
      var description = "Action item from \(row.reportTitle ?? row.path) (\(row.location))"
      if let date = row.reportDate { description += ", incident of \(date)" }
      description += ". retro id: \(row.id)"
      if !row.owners.isEmpty { description += ". Owners: \(row.owners.joined(separator: ", "))" }
      let assignee = row.owners.first(where: GitHubIssueScript.isHandle).map { String($0.dropFirst()) } ?? ""
      let priority = row.priority.map(Self.priority) ?? ""
      let fields = [
        row.text, "Task", description, assignee, row.due ?? "", priority, "retro-action-item",
      ]
      out += fields.map { CSVField.text(VisibleText.escape($0, keepingLineBreaks: true)) }.joined(separator: ",") + "\n"
    }
    return out
  }

  /// Jira's default priority names for `P0`–`P4` and `high`/`medium`/`low`.
  static func priority(_ value: String) -> String {
    switch value.lowercased() {
    case "p0", "critical", "urgent": return "Highest"
    case "p1", "high": return "High"
    case "p2", "medium": return "Medium"
    case "p3", "low": return "Low"
    case "p4": return "Lowest"
    default: return ""
    }
  }
}
