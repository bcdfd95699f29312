import ArgumentParser
import Foundation
import RetroCore
import RetroIndex
import RetroLint

/// Options shared by the commands that read the index.
struct IndexOptions: ParsableArguments {
  @Argument(help: "Folders or files of reports (default: 'roots:' in .retro.yml, else the current folder). Several folders make one index, each folder a team.")
  var paths: [String] = []

  @Option(name: .long, help: "The configuration file (default: .retro.yml here or in a parent folder).")
  var config: String?

  @Option(name: .long, help: "The index file (default: 'index:' in .retro.yml, else one per folder in ~/.cache/retro).")
  var index: String?

  @Option(name: .customLong("tracker"), help: "A tracker export (gh issue list/pr list JSON, Jira CSV, GitLab CSV) whose ticket states join the items; repeatable, added to 'tracker:' in .retro.yml.")
  var trackers: [String] = []

  @Option(name: .customLong("as-of"), help: "Count ages, due dates and windows as of this date (YYYY-MM-DD; default: today).")
  var asOf: String?

  func validate() throws {
    if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date as YYYY-MM-DD, not '\(asOf)'.") }
  }

  /// The as-of day, and the instant status changes are dated with (noon UTC that day, or now).
  var asOfDate: CalendarDate {
    if let asOf, let date = CalendarDate(iso: asOf) { return date }
    return Retro.New.today()
  }

  var observedAt: Date {
    guard let asOf, let date = CalendarDate(iso: asOf) else { return Date() }
    return ISO8601.date("\(date)T12:00:00Z") ?? Date()
  }

  /// The folders read: the arguments, else `roots:` of the configuration, else here.
  func roots(_ settings: Settings) -> [String] {
    if !paths.isEmpty { return paths }
    return settings.roots.isEmpty ? ["."] : settings.roots
  }

  /// The team of each report when several roots are read.
  func teams(_ settings: Settings) -> Teams {
    Teams(roots: roots(settings))
  }

  /// The action items as every command lists them: read from the index as of the as-of
  /// day, each with its team, and open items with no due date of their own given the one
  /// the follow-up policy of `policies:` sets.
  func actionItems(_ database: IndexDatabase, _ settings: Settings, status: String? = nil) throws -> [ActionItemRow] {
    var rows = teams(settings).assign(try IndexReader(database: database).actionItems(asOf: asOfDate, status: status))
    PolicyDueDates.apply(settings.lint.policies, to: &rows, asOf: asOfDate)
    return rows
  }

  /// The reports past the deadline `policies:` sets to be final, as of the as-of day.
  func lateReports(_ reports: [ReportRecord], _ settings: Settings) -> [PolicyDueDates.LateReport] {
    PolicyDueDates.lateReports(reports, policies: settings.lint.policies, asOf: asOfDate)
  }

  /// Opens the index for these paths and brings it up to date; problems go to stderr.
  func openIndex(gitHistory: Bool = false, quiet: Bool = false, forgetTracker: Bool = false) throws -> (IndexDatabase, IndexUpdate, Settings) {
    let settings: Settings
    let files: [String]
    let paths: [String]
    do {
      settings = try Settings.load(config, trackers: trackers)
      paths = roots(settings)
      files = try ReportFinder.files(in: paths, warn: printError).filter { !settings.lint.isIgnored($0) }
    } catch let error as InputError {
      printError(error.description)
      throw RetroExit.inputError
    }
    let root = IndexLocation.root(of: paths)
    let location = IndexLocation.path(forRoot: root, configured: index ?? settings.indexPath)
    let database: IndexDatabase
    do {
      database = try IndexDatabase(path: location)
    } catch let error as IndexError {
      if case .refused = error {
        // Not an index retro made, or not one it can make: nothing there was changed.
        printError("\(location): error: cannot open the index: it \(error); retro replaces or rebuilds only an index it made")
      } else {
        printError("\(location): error: cannot open the index (\(error))")
      }
      throw RetroExit.inputError
    } catch {
      printError("\(location): error: cannot open the index (\(IndexDatabase.describe(error)))")
      throw RetroExit.inputError
    }
    for warning in database.warnings { printError("warning: \(warning)") }
    var indexer = Indexer(database: database, parser: IncidentParser(configuration: settings.lint.parser))
    indexer.batchSize = 200
    let update: IndexUpdate
    do {
      update = try indexer.update(files: files, now: observedAt)
      if gitHistory {
        let dated = try GitHistory(database: database, parser: indexer.parser).record(files: files)
        if !quiet { printError("git history: \(dated) status changes dated by commits") }
      }
      if forgetTracker { try TrackerJoin.forget(database) }
      let joined = try TrackerJoin.apply(settings.lint.tracker, to: database, now: observedAt, gitRemote: settings.lint.gitRemote, root: root)
      if !quiet, settings.lint.tracker != nil {
        printError("tracker: \(joined.tickets) tickets, \(joined.matched) items matched, \(joined.closedByTracker) open in their report but closed in the tracker")
        if joined.kept > 0 {
          printError("tracker: \(joined.kept) of those tickets are kept from earlier imports of \(joined.keptFiles.joined(separator: ", ")); import a file again to replace its tickets")
        }
      }
    } catch {
      // A full disk, a read-only folder: the transaction in progress is rolled back and the
      // index keeps what it had.
      printError("\(location): error: cannot update the index (\(IndexDatabase.describe(error))); it keeps its previous contents")
      throw RetroExit.inputError
    }
    for problem in update.problems { printError(problem) }
    return (database, update, settings)
  }
}
