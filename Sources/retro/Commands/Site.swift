import ArgumentParser
import Foundation
import RetroCore
import RetroIndex
import RetroPublish

extension Retro {
  /// `retro site`: the whole folder as a static HTML site.
  struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a static HTML site: incident index, incident pages with timelines, action-item dashboard, feed.",
      discussion: CommandHelp.reflow(
        """
        The site needs no JavaScript and no network. Report text never becomes active content:
        raw HTML is shown as text, unsafe links are dropped, every value is escaped.

        Examples:
          retro site retros/ --out public/
          retro site retros/ --out public/ --title "Payments incidents"
          retro site retros/ --out internal-site/ --include-drafts

        As 'retro publish' does, the site leaves out reports whose status is not final or
        published, with their action items, unless --include-drafts says otherwise.
        """))

    @OptionGroup var options: IndexOptions

    @Option(help: "The folder to write the site into.")
    var out: String

    @Option(help: "The site's title.")
    var title: String?

    @Option(help: "A folder of templates overriding the built-in ones by name.")
    var templates: String?

    @Flag(help: "Replace files retro did not write.")
    var force = false

    @Flag(name: .customLong("include-drafts"), help: "Publish reports that are not final or published too, with their action items.")
    var includeDrafts = false

    func run() throws {
      let (database, update, settings) = try options.openIndex(quiet: true)
      try Progress.exitingOnPublishErrors {
        // Links skipped here were warned about when the index was brought up to date.
        let files = try ReportFinder.files(in: options.roots(settings)).filter { !settings.lint.isIgnored($0) }
        let set = try PublishTemplates(userDirectory: templates ?? settings.publishSetting("templates"))
        var builder = SiteBuilder(
          templates: set, parser: IncidentParser(configuration: settings.lint.parser), outputDirectory: out, asOf: options.asOfDate)
        builder.siteTitle = title ?? settings.publishSetting("siteTitle") ?? "Incidents"
        builder.force = force
        builder.includeDrafts = includeDrafts
        builder.internalSections = settings.internalSections
        // A draft's items and figures stay off the site with the draft.
        builder.actionRows = try options.actionItems(database, settings).filter { includeDrafts || PublishableStatus.allows($0.retroStatus) }
        builder.trends = try Self.trends(database, settings, rows: builder.actionRows, options: options, includeDrafts: includeDrafts)
        builder.progress = Progress.reporter()
        let summary = try builder.build(files)
        Console.line("\(out): \(summary.pages) pages for \(summary.incidents) incidents")
        if let skipped = PublishableStatus.skippedSummary(summary.skippedDrafts) { printError(skipped) }
        if !summary.redirected.isEmpty {
          printError("retro: \(summary.redirected.count) earlier \(summary.redirected.count == 1 ? "page redirects" : "pages redirect") to where \(summary.redirected.count == 1 ? "its incident" : "their incidents") moved")
        }
        if !summary.removed.isEmpty {
          printError("retro: removed \(summary.removed.count) earlier \(summary.removed.count == 1 ? "page" : "pages") no report makes any more: \(summary.removed.prefix(5).joined(separator: ", "))\(summary.removed.count > 5 ? ", …" : "")")
        }
      }
      if !update.problems.isEmpty { throw RetroExit.inputError }
    }

    /// The Trends page's figures, by month while that is at most 36 periods, else by quarter
    /// (at most 40), else by year.
    static func trends(
      _ database: IndexDatabase, _ settings: Settings, rows: [ActionItemRow], options: IndexOptions, includeDrafts: Bool
    ) throws -> IncidentTrends {
      let reports = try IndexReader(database: database).reports().filter { includeDrafts || PublishableStatus.allows($0.status) }
      let teams = options.teams(settings)
      let first = reports.compactMap { $0.date.flatMap { CalendarDate(iso: $0) } }.min()
      return IncidentTrends.compute(
        reports: reports, items: rows, period: IncidentTrends.period(from: first, to: options.asOfDate), asOf: options.asOfDate,
        categories: settings.lint.causeCategories, teams: teams.isEmpty ? nil : teams)
    }
  }
}
