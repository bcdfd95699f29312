import ArgumentParser
import RetroCore

/// The options every command that reads reports shares.
struct InputOptions: ParsableArguments {
  @Argument(help: "Markdown files or folders of them (every .md, .markdown, .mdx below). '-' reads standard input.")
  var paths: [String] = []

  @Option(name: .long, help: "The configuration file (default: .retro.yml here or in a parent folder).")
  var config: String?

  func validate() throws {
    if paths.isEmpty { throw ValidationError("Give at least one file or folder of reports.") }
  }

  /// The configuration, or exit 2 with the error.
  func loadConfiguration() throws -> ConfigurationFile {
    try ConfigurationFile.load(path: config)
  }
}
