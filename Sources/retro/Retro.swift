import ArgumentParser
import RetroCore

@main
struct Retro: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retro",
    abstract: "Read, check, track and publish incident retrospectives written in Markdown.",
    discussion: """
      Examples:
        retro show examples/                      Summarise every report in a folder
        retro show report.md --format json        The structured report for other programs
        cat report.md | retro show -              Read a report from standard input
      """,
    version: RetroVersion.current,
    subcommands: [Show.self, Lint.self, Rules.self, New.self, Init.self, Index.self, Actions.self, DigestCommand.self, Stats.self, Publish.self, Site.self, Templates.self, Lsp.self]
  )
}
