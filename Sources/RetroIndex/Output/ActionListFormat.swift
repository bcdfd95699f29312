/// The output formats of `retro actions`: listings, and exports to trackers and calendars.
public enum ActionListFormat: String, Sendable, CaseIterable {
  case table, json, csv, markdown
  /// An iCalendar file of open items' due dates (`ICalendarExport`).
  case ics
  /// A shell script of `gh issue create` commands for open items without a ticket.
  case ghIssues = "gh-issues"
  /// A CSV file for Jira's importer, of open items without a ticket.
  case jiraCSV = "jira-csv"

  /// Formats for another program (written as they are, not escaped for a terminal).
  public var isMachineReadable: Bool { self != .table && self != .markdown }

  /// Formats `--recurring` can print.
  public var listsGroups: Bool { self == .table || self == .json || self == .markdown }
}
