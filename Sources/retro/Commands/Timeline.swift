import ArgumentParser

extension Retro {
  /// `retro timeline`: work on a report's timeline.
  struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Work on a report's timeline: draft entries from the incident's own records.",
      subcommands: [TimelineImport.self])
  }
}
