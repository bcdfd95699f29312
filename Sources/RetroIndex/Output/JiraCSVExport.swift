import RetroCore

/// `retro actions --format jira-csv`: open items without a ticket, as a file Jira's CSV
/// importer (System → External system import → CSV) takes. Map the columns to the fields of
/// the same name; dates are `yyyy-MM-dd`, which the importer's date-format box must say.
/// An owner written as a handle becomes the assignee (without the `@`), so it must match a
/// Jira user name. Fields are written by `CSVField`, as `--format csv`'s are, so a summary a
/// spreadsheet would run as a formula gets a `'` in front.
///
/// The description ends with `retro id: ID in PATH`: after the import, Jira's own CSV export
/// read by `retro tickets` writes each issue key into its item's line.
public struct JiraCSVExport: Sendable {
  public var links: RepositoryLinks?

  public init(links: RepositoryLinks? = nil) {
    self.links = links
  }

  public func render(_ rows: [ActionItemRow]) -> String {
    var out = "Summary,Issue Type,Description,Assignee,Due Date,Priority,Labels\n"
    for row in rows where row.status == "open" && row.tickets.isEmpty {
      let link = links?.link(toFileAt: row.path, line: row.line) ?? row.location
      var description = "Action item from \(row.reportTitle ?? row.path) (\(link))"
      if let date = row.reportDate { description += ", incident of \(date)" }
      description += "."
      if !row.owners.isEmpty { description += " Owners: \(row.owners.joined(separator: ", "))." }
      // The line `retro tickets` reads back from Jira's export, to write each key into its item.
      description += "\n\nretro id: \(row.id) in \(row.path)"
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
