import Foundation
import ArgumentParser
import RetroCore
import RetroLint

/// The options every command that reads reports shares.
struct InputOptions: ParsableArguments {
  @Argument(help: "Markdown files or folders of them (every .md, .markdown, .mdx below). '-' reads standard input.")
  var paths: [String] = []

  @Option(name: .long, help: "The configuration file (default: .retro.yml here or in a parent folder).")
  var config: String?

  @Option(name: .customLong("tracker"), help: "A tracker export (gh issue list JSON, Jira CSV, GitLab CSV) to check item status against; repeatable, added to 'tracker:' in .retro.yml.")
  var trackers: [String] = []

  func validate() throws {
    if paths.isEmpty { throw ValidationError("Give at least one file or folder of reports.") }
  }

  /// The configuration file, checked whole (unknown keys and bad values are errors).
  func loadConfiguration() throws -> LintConfiguration {
    try Settings.load(configurationPath, trackers: trackers).lint
  }

  /// `--config`, else the `.retro.yml` here or above, else the one nearest the first path
  /// (`retro lint examples/x.md` from elsewhere reads `examples/.retro.yml`).
  var configurationPath: String? {
    if let config { return config }
    if let here = ConfigurationFile.find() { return here }
    guard let first = paths.first(where: { $0 != "-" }) else { return nil }
    var isFolder: ObjCBool = false
    let url = URL(fileURLWithPath: first)
    let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
    return ConfigurationFile.find(from: (exists && isFolder.boolValue ? url : url.deletingLastPathComponent()).path)
  }
}
