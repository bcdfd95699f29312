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
    try Settings.load(config, trackers: trackers).lint
  }
}
