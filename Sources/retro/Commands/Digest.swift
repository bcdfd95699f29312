import Foundation
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
          retro digest retros/ --format slack-blocks > digest.json
          curl -X POST -H 'Content-Type: application/json' -d @digest.json "$SLACK_WEBHOOK_URL"

        slack writes Slack's mrkdwn, slack-blocks Block Kit JSON for an incoming webhook; both
        stay inside Slack's limits (40,000 characters, 50 blocks), show 5 items a list unless
        --limit says otherwise, and link each item to its line on GitHub or GitLab when the
        reports are in a repository with such a remote. --format text wraps to the terminal
        (80 columns in a pipe).
        """))

    @OptionGroup var options: IndexOptions

    @Option(help: "The window in days: due within it, closed within it.")
    var days = 7

    @Option(help: "Show what changed since a day (YYYY-MM-DD) or a number of days before the as-of date (7d): items closed since, and new items from incidents since.")
    var since: String?

    @Option(help: "markdown, text, json, html (a standalone page for a wiki or e-mail), slack (mrkdwn) or slack-blocks (Block Kit JSON for a webhook).")
    var format = "markdown"

    @Option(help: "The most items each list shows, then how many more (default: all; 5 for slack and slack-blocks). JSON is never cut.")
    var limit: Int?

    func validate() throws {
      guard DigestRenderer.Format(rawValue: format) != nil else {
        throw ValidationError("--format must be markdown, text, json, html, slack or slack-blocks.")
      }
      if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
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
      let (database, update, settings) = try options.openIndex()
      let rows = try options.actionItems(database, settings)
      let asOf = options.asOfDate
      let sinceDate = since.flatMap { text in Self.sinceDays(text).map { asOf.adding(days: -$0) } ?? CalendarDate(iso: text) }
      var digest = Digest.build(rows, asOf: asOf, days: days, since: sinceDate)
      if !settings.lint.policies.isEmpty {
        digest.lateReports = options.lateReports(try IndexReader(database: database).reports(), settings)
      }
      let digestFormat = DigestRenderer.Format(rawValue: format) ?? .markdown
      let slack = digestFormat == .slack || digestFormat == .slackBlocks
      let width = isatty(STDOUT_FILENO) != 0 ? Actions.terminalWidth() : 80
      let renderer = DigestRenderer(limit: limit, width: width, links: slack ? RepositoryLinks() : nil)
      func write(_ output: (String) -> Void) { renderer.write(digest, format: digestFormat, to: output) }
      // Slack's text is for Slack, escaped by its renderer; a CI log's `::` guard would mangle `std::vector`.
      if digestFormat == .json || digestFormat == .html || digestFormat == .slackBlocks || digestFormat == .slack { Console.machineStream(write) } else { Console.humanStream(styled: false, write) }
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
