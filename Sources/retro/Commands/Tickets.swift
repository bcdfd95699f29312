import ArgumentParser
import Foundation
import RetroCore
import RetroIndex
import RetroLint

extension Retro {
  /// `retro tickets`: write the tickets made for action items into the items' lines.
  struct Tickets: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the tickets made for action items (GitHub issues, Jira keys) into the reports.",
      discussion: CommandHelp.reflow(
        """
        Reads which ticket each item got: the record the gh-issues script writes
        (retro-created-issues.tsv), 'gh issue list --json url,body', or a Jira CSV export
        with the Issue key and Description columns (after importing --format jira-csv). The
        retro id in each ticket finds its item; the URL or key goes at the end of the item's
        line, checked by reading the report again as --fix is. The next 'retro actions
        --format gh-issues' or 'jira-csv' then leaves those items out. An item that already
        names its ticket is left alone, so running it twice changes nothing.

        Examples:
          retro tickets retro-created-issues.tsv
          gh issue list --label retro-action-item --json url,body > issues.json && retro tickets issues.json
          retro tickets jira-export.csv --dry-run
        """))

    @Argument(help: "Records of the tickets made: the gh-issues script's TSV, gh issue list JSON, or a Jira CSV export.")
    var records: [String]

    @Option(help: "Folders or files of the reports (default: 'roots:' in .retro.yml, else the current folder).")
    var reports: [String] = []

    @Option(name: .long, help: "The configuration file (default: .retro.yml here or in a parent folder).")
    var config: String?

    @Option(name: .long, help: "The index file (default: 'index:' in .retro.yml, else one per folder in ~/.cache/retro).")
    var index: String?

    @Flag(help: "Print the changes as a diff; write nothing.")
    var dryRun = false

    func run() throws {
      var tickets: [CreatedTickets.Ticket] = []
      do {
        for record in records { tickets += try CreatedTickets.read(path: record) }
      } catch let error as InputError {
        printError(error.description)
        throw RetroExit.inputError
      }
      var options = try IndexOptions.parse([])
      options.paths = reports
      options.config = config
      options.index = index
      let (database, update, settings) = try options.openIndex(quiet: true)
      if !update.problems.isEmpty { throw RetroExit.inputError }
      let rows = try IndexReader(database: database).actionItems(asOf: options.asOfDate, status: nil)
      let byId = Dictionary(grouping: rows, by: \.id)
      var links: [String: [TicketLinker.Link]] = [:]
      var missing = 0
      for ticket in tickets {
        var candidates = byId[ticket.itemId] ?? []
        if let report = ticket.report {
          let wanted = URL(fileURLWithPath: report).standardizedFileURL.path
          candidates = candidates.filter { row in
            row.path == report || URL(fileURLWithPath: row.path).standardizedFileURL.path == wanted || row.path.hasSuffix("/" + report)
              || report.hasSuffix("/" + row.path)
          }
        }
        if candidates.isEmpty, let holder = rows.first(where: { row in row.tickets.contains { TicketLinker.same($0, ticket.reference) } }) {
          // Written by an earlier run: the item's text, and so its derived id, changed then.
          printError("\(ticket.source): \(ticket.reference) is already in \(holder.location)")
          continue
        }
        guard candidates.count == 1, let row = candidates.first else {
          let why = candidates.isEmpty ? "no action item has this retro id" : "\(candidates.count) items have this retro id; the record names no report"
          printError("\(ticket.source): \(ticket.reference) not written: \(why) (\(ticket.itemId)\(ticket.report.map { " in \($0)" } ?? ""))")
          missing += 1
          continue
        }
        links[row.path, default: []].append(TicketLinker.Link(itemId: row.id, reference: ticket.reference))
      }
      let linker = TicketLinker(parser: IncidentParser(configuration: settings.lint.parser))
      var written = 0
      var failed = false
      for (path, pathLinks) in links.sorted(by: { $0.key < $1.key }) {
        let outcome = linker.link(pathLinks, path: path)
        for skipped in outcome.skipped { printError("\(path): \(skipped.itemId) left as it is: \(skipped.reason)") }
        if let error = outcome.file.error {
          printError(error.description)
          failed = true
          continue
        }
        guard let output = outcome.file.output, let original = outcome.file.original else { continue }
        if dryRun {
          let name = path.drop(while: { $0 == "/" })
          Console.machine(UnifiedDiff.diff(String(decoding: original, as: UTF8.self), String(decoding: output, as: UTF8.self), oldName: "a/" + name, newName: "b/" + name))
          continue
        }
        do {
          try FileFixer.write(outcome.file)
        } catch let error as InputError {
          printError(error.description)
          failed = true
          continue
        }
        for (line, reference) in outcome.linked { printError("\(path):\(line): wrote \(reference)") }
        written += outcome.linked.count
      }
      if !dryRun { printError("retro: wrote \(written) \(written == 1 ? "ticket" : "tickets") into the reports; \(missing) not matched") }
      if failed { throw RetroExit.inputError }
      if missing > 0 { throw RetroExit.findings }
    }
  }
}
