import ArgumentParser
import RetroCore
import RetroIndex

extension Retro {
  /// `retro digest`: the weekly action-item digest.
  struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "digest",
      abstract: "A digest for the team channel: per owner, overdue, due soon and recently closed items.",
      discussion: CommandHelp.reflow(
        """
        Deterministic for a given --as-of date, so it can run in CI and be tested.

        Examples:
          retro digest retros/ > digest.md
          retro digest retros/ --days 14 --as-of 2024-06-03 --format text
          retro digest retros/ --format html > digest.html
          retro digest retros/ --since 7d
        """))

    @OptionGroup var options: IndexOptions

    @Option(help: "The window in days: due within it, closed within it.")
    var days = 7

    @Option(help: "Show what changed since a day (YYYY-MM-DD) or a number of days before the as-of date (7d): items closed since, and new items from incidents since.")
    var since: String?

    @Option(help: "markdown, text, json or html (a standalone page for a wiki or e-mail).")
    var format = "markdown"

    func validate() throws {
      guard DigestRenderer.Format(rawValue: format) != nil else { throw ValidationError("--format must be markdown, text, json or html.") }
      guard days > 0 else { throw ValidationError("--days must be positive.") }
      guard days <= Self.maximumDays else { throw ValidationError("--days must be at most \(Self.maximumDays) (100 years), not \(days).") }
      if let since, Self.sinceDays(since) == nil && CalendarDate(iso: since) == nil {
        throw ValidationError("--since must be a date as YYYY-MM-DD or a number of days like 7d, not '\(since)'.")
      }
      if let since, let count = Self.sinceDays(since), count > Self.maximumDays {
        throw ValidationError("--since must be at most \(Self.maximumDays)d (100 years), not '\(since)'.")
      }
    }

    func run() throws {
      let (database, update, _) = try options.openIndex()
      let rows = try IndexReader(database: database).actionItems(asOf: options.asOfDate)
      let asOf = options.asOfDate
      let sinceDate = since.flatMap { text in Self.sinceDays(text).map { asOf.adding(days: -$0) } ?? CalendarDate(iso: text) }
      let digest = Digest.build(rows, asOf: asOf, days: days, since: sinceDate)
      let digestFormat = DigestRenderer.Format(rawValue: format) ?? .markdown
      func write(_ output: (String) -> Void) { DigestRenderer().write(digest, format: digestFormat, to: output) }
      if digestFormat == .json || digestFormat == .html { Console.machineStream(write) } else { Console.humanStream(styled: false, write) }
      if !update.problems.isEmpty { throw RetroExit.inputError }
    }

    /// The longest window, in days: a century covers any team's history, and a larger
    /// number is a typing slip (or a probe), refused as a usage error.
    static let maximumDays = 36_500

    /// `7d` as 7.
    static func sinceDays(_ text: String) -> Int? {
      guard text.hasSuffix("d"), let days = Int(text.dropLast()), days > 0 else { return nil }
      return days
    }
  }
}
