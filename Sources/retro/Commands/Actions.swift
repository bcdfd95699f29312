import ArgumentParser
import Foundation
import RetroCore
import RetroIndex

extension Retro {
  /// `retro actions`: every action item across the reports.
  struct Actions: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List action items across all reports: open, overdue, whose, how old.",
      discussion: CommandHelp.reflow(
        """
        Items without an owner or a due date are shown, not hidden: they are the ones that rot.

        Examples:
          retro actions retros/
          retro actions retros/ --overdue --sort due
          retro actions --owner @ana --status all --format csv > ana.csv
          retro actions retros/ --recurring
          retro actions retros/ --format ics > due.ics
          retro actions retros/ --format gh-issues > file-issues.sh
        """))

    @OptionGroup var options: IndexOptions

    @Option(help: "open, done or all.")
    var status: String = "open"

    @Option(help: "Only items owned by this person or team (substring, @ optional).")
    var owner: String?

    @Flag(help: "Only items nobody owns.")
    var unowned = false

    @Flag(help: "Only open items past their due date.")
    var overdue = false

    @Option(name: .customLong("due-before"), help: "Only items due before this date (YYYY-MM-DD).")
    var dueBefore: String?

    @Option(help: "Only items from reports of this severity.")
    var severity: String?

    @Option(help: "Only items from reports with this tag.")
    var tag: String?

    @Option(help: "Only items from reports about this service.")
    var service: String?

    @Option(help: "Only items from incidents on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only items from reports whose path or title contains this.")
    var report: String?

    @Option(help: "Only items of this team: the name of a root folder, when several are read.")
    var team: String?

    @Option(help: "due, age, owner or severity.")
    var sort: String = "due"

    @Option(help: "table, json, csv or markdown; or an export: ics (due dates for a calendar), gh-issues (a script of gh issue create for items without a ticket) or jira-csv (for Jira's CSV import).")
    var format: String = "table"

    @Flag(help: "Show groups of items that say the same thing across reports.")
    var recurring = false

    func validate() throws {
      guard ActionItemFilter.Status(rawValue: status) != nil else { throw ValidationError("--status must be open, done or all.") }
      guard ActionItemFilter.Sort(rawValue: sort) != nil else { throw ValidationError("--sort must be due, age, owner or severity.") }
      guard let listFormat = ActionListFormat(rawValue: format) else {
        throw ValidationError("--format must be table, json, csv, markdown, ics, gh-issues or jira-csv.")
      }
      if recurring && !listFormat.listsGroups { throw ValidationError("--recurring prints table, json or markdown.") }
      for (name, value) in [("--due-before", dueBefore), ("--since", since)] {
        if let value, CalendarDate(iso: value) == nil { throw ValidationError("\(name) must be a date as YYYY-MM-DD.") }
      }
    }

    func run() throws {
      let (database, update, settings) = try options.openIndex()
      var filter = ActionItemFilter()
      filter.status = ActionItemFilter.Status(rawValue: status) ?? .open
      filter.owner = owner
      filter.unowned = unowned
      filter.overdue = overdue
      filter.dueBefore = dueBefore.flatMap { CalendarDate(iso: $0) }
      filter.severity = severity
      filter.tag = tag
      filter.service = service
      filter.since = since.flatMap { CalendarDate(iso: $0) }
      filter.report = report
      filter.team = team
      filter.sort = ActionItemFilter.Sort(rawValue: sort) ?? .due
      let onlyStatus = filter.status == .all ? nil : filter.status.rawValue
      // Filtered and sorted in place: a listing can hold tens of thousands of rows.
      var rows = try options.actionItems(database, settings, status: onlyStatus)
      rows.removeAll { !filter.matches($0) }
      filter.sort(&rows)
      let outputFormat = ActionListFormat(rawValue: format) ?? .table
      let terminal = TerminalStyle.colorEnabled(for: FileHandle.standardOutput)
      let exports = outputFormat == .ghIssues || outputFormat == .jiraCSV
      let renderer = ActionListRenderer(
        width: Self.terminalWidth(), color: terminal, asOf: options.asOfDate, links: exports ? RepositoryLinks() : nil)
      let groups = recurring ? RecurringItems.groups(rows, threshold: settings.lint.similarityThreshold) : nil
      func write(_ output: (String) -> Void) {
        if let groups {
          renderer.writeRecurring(groups, format: outputFormat, to: output)
        } else {
          renderer.write(rows, format: outputFormat, to: output)
        }
      }
      if outputFormat.isMachineReadable { Console.machineStream(write) } else { Console.humanStream(styled: terminal, write) }
      if !update.problems.isEmpty { throw RetroExit.inputError }
    }

    /// The terminal's width, else $COLUMNS, else 120.
    static func terminalWidth() -> Int {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
      return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 120
    }
  }
}
