import ArgumentParser
import RetroIndex

extension Retro {
  /// `retro index`: bring the SQLite index up to date (other commands do it themselves).
  struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Index reports and their action items in SQLite (incremental).",
      discussion: CommandHelp.reflow(
        """
        Only changed files are read again; files gone are dropped; each status change of an
        item is recorded. 'retro actions', 'digest' and 'stats' run this first, so you rarely
        need it. --git-history dates status changes by the commits that made them. A tracker
        export replaces what that file gave before and keeps other files' tickets;
        --forget-tracker drops them all first.

        Examples:
          retro index retros/
          retro index retros/ --git-history
          retro index retros/ --forget-tracker --tracker exports/jira.csv
        """))

    @OptionGroup var options: IndexOptions

    @Flag(help: "Date each item's status changes by the git commits that made them.")
    var gitHistory = false

    @Flag(help: "Drop every ticket imported before, so only this run's exports ('tracker:', --tracker) count.")
    var forgetTracker = false

    func run() throws {
      let (database, update, _) = try options.openIndex(gitHistory: gitHistory, forgetTracker: forgetTracker)
      Console.line("\(database.path): \(update.scanned) files, \(update.parsed) read, \(update.unchanged) unchanged, \(update.removed) removed, \(update.renamed) renamed, \(update.statusChanges) status changes")
      if !update.problems.isEmpty { throw RetroExit.inputError }
    }
  }
}
