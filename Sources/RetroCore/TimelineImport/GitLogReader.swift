import Foundation

/// The commits of a deploy repository (a folder git knows), by commit time: each is a
/// deploy, a revert a mitigation. Only the window's commits are asked of git.
enum GitLogReader {
  /// Whether `path` is a repository's top folder (a folder inside one is not: its commits
  /// are the whole repository's, which is rarely the deploy history meant).
  static func isRepository(_ path: String) -> Bool {
    guard let top = Git.run(["rev-parse", "--show-toplevel"], in: path)?.trimmingCharacters(in: .whitespacesAndNewlines) else { return false }
    return URL(fileURLWithPath: top).resolvingSymlinksInPath().standardizedFileURL.path
      == URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
  }

  static func read(repository path: String, since: Date?, until: Date?) throws -> [ImportedEvent] {
    var arguments = ["log", "--no-merges", "--format=%H%x1f%cI%x1f%an%x1f%s%x1e"]
    if let since { arguments.append("--since=\(ISO8601.string(since))") }
    if let until { arguments.append("--until=\(ISO8601.string(until))") }
    guard let output = Git.run(arguments, in: path) else {
      throw InputError(path: path, message: "git cannot read this repository's log (is it a repository with commits?)")
    }
    let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
    var events: [ImportedEvent] = []
    for record in output.split(separator: "\u{1E}") {
      let fields = record.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 4, let instant = ImportJSON.isoInstant(fields[1]) else { continue }
      let text = "\(fields[3]) (\(DeployWording.short(fields[0]) ?? fields[0]), \(fields[2]))"
      let signal: ImportedEventSignal = DeployWording.isRollback(fields[3]) ? .rollback : .deploy
      events.append(ImportedEvent(instant: instant, text: text, source: "git \(name)", signal: signal))
    }
    return events
  }
}
