import Foundation
import ArgumentParser
import RetroCore

@main
struct Retro: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retro",
    abstract: "Read, check, track and publish incident retrospectives written in Markdown.",
    discussion: CommandHelp.reflow(
        """
      Examples:
        retro show examples/                      Summarise every report in a folder
        retro show report.md --format json        JSON for other programs
        cat report.md | retro show -              Read a report from standard input
      """),
    version: RetroVersion.current,
    subcommands: [Show.self, Lint.self, Rules.self, New.self, Init.self, Index.self, Actions.self, DigestCommand.self, Stats.self, Tickets.self, Timeline.self, Publish.self, Site.self, Templates.self, Lsp.self]
  )

  /// Runs the command. Usage errors (an unknown option or value, a failed check of the
  /// arguments) exit 2, as every other input retro cannot use does and as the README says,
  /// not ArgumentParser's 64; help, version and everything else are ArgumentParser's own.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        Console.error(fullMessage(for: error))
        Foundation.exit(RetroExit.inputError.rawValue)
      }
      exit(withError: error)
    }
  }
}
