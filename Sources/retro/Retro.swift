import ArgumentParser
import RetroCore

@main
struct Retro: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "retro",
    abstract: "Read, check, track and publish incident retrospectives written in Markdown.",
    discussion: """
      Examples:
        retro show examples/                      Summarise every report in a folder
        retro show report.md --format json        The structured report for other programs
        cat report.md | retro show -              Read a report from standard input
      """,
    version: version,
    subcommands: [Show.self]
  )
}
