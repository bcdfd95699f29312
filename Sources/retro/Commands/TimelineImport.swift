import ArgumentParser
import Foundation
import RetroCore
import RetroLint

extension Retro {
  /// `retro timeline import`: timeline entries drafted from chat, paging, alert and deploy
  /// exports, written into the report.
  struct TimelineImport: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Draft timeline entries from the incident's records: Slack, PagerDuty, Opsgenie, alerts, deploys.",
      discussion: CommandHelp.reflow(
        """
        Reads exports the tools already give, offline, and writes one entry per event into
        the report's timeline: in the timeline's zone and written as its entries are (the
        bullet, the clock, a table's columns), in time order among them, each with its
        source and link. An event the timeline already has (within two minutes, the same
        words) is left out, so running it again adds nothing. The likely start, detection,
        mitigation and resolution are marked with the reason ('likely detected: the first
        page') unless the timeline has them; read them, then keep or change them.

        Sources (the kind is read from the file's shape; write KIND:PATH to name it):
          slack           an unzipped workspace export (users.json and a folder per channel of
                          daily JSON files), or one channel's folder; --channel picks one
          pagerduty       GET /incidents/{id}/log_entries
          opsgenie        GET /v2/alerts/{id}/logs
          alertmanager    GET /api/v2/alerts, amtool -o json, or logged webhook payloads
          grafana         GET /api/annotations?type=alert
          gh-runs         gh run list --json databaseId,displayTitle,workflowName,status,
                          conclusion,createdAt,startedAt,updatedAt,url,headSha,headBranch,event
          gh-deployments  gh api repos/OWNER/REPO/deployments
          git             a deploy repository's folder (its commits)

        Only events in the window are read: --since and --until, else six hours either
        side of the timeline, else the incident's day and six hours either side. The edit
        is checked by reading the report again, as --fix is, and written atomically;
        --dry-run prints it as a diff. Text from an export stays text: markup in a message
        is escaped, so it cannot become a link, HTML or a template tag.

        Examples:
          retro timeline import retros/2026-03-14-checkout.md --from slack-export --channel inc-checkout --dry-run
          retro timeline import report.md --from pagerduty:log.json --from runs.json --from ../deploy-repo
        """))

    @Argument(help: "The report to add the entries to.")
    var report: String

    @Option(name: .customLong("from"), help: "A source: PATH or KIND:PATH (repeatable; see the kinds above).")
    var sources: [String] = []

    @Option(help: "The Slack channel to read, when the export holds several.")
    var channel: String?

    @Option(help: "Read events from this time on (2026-03-14T08:00Z, '2026-03-14 09:00' in the timeline's zone, or a day).")
    var since: String?

    @Option(help: "Read events up to this time (as --since).")
    var until: String?

    @Option(help: "The zone to write times in when the report's timeline names none yet (default UTC).")
    var zone: String?

    @Option(name: .long, help: "The configuration file (default: .retro.yml here or in a parent folder).")
    var config: String?

    @Flag(help: "Print the change as a diff; write nothing.")
    var dryRun = false

    func validate() throws {
      if sources.isEmpty { throw ValidationError("Give at least one source with --from (a Slack export, a PagerDuty log, an alert history, gh runs, a git repository).") }
      if let zone, TimeZoneResolver.zone(named: zone) == nil {
        throw ValidationError("--zone '\(zone)' is not a time zone (an abbreviation such as CET, an offset such as +01:00, or an IANA name)")
      }
    }

    func run() throws {
      do {
        var options = try InputOptions.parse([report])
        options.config = config
        let configuration = try options.loadConfiguration()
        let parser = IncidentParser(configuration: configuration.parser)
        let parsed = try parser.parse(try loadSource(report))
        let zoneName = TimelineImporter.mostCommonZoneName(parsed) ?? zone ?? "UTC"
        let tz = TimeZoneResolver.zone(named: zoneName) ?? TimeZone(secondsFromGMT: 0)!
        let window = TimelineImporter.window(of: parsed, zone: zoneName)
        let start = try since.map { try Self.instant($0, option: "--since", zone: tz) } ?? window?.lowerBound
        let end = try until.map { try Self.instant($0, option: "--until", zone: tz, endOfDay: true) } ?? window?.upperBound
        if let start, let end, end < start { throw ValidationError("--until is before --since") }
        var events: [ImportedEvent] = []
        for spec in sources {
          let source = TimelineSource(spec: spec)
          let read = try source.read(channel: channel, since: start, until: end)
          printError("\(source.path): \(read.events.count) \(read.events.count == 1 ? "event" : "events") (\(read.kind.rawValue))")
          events += read.events
        }
        if let start, let end {
          printError("retro: the window is \(ISO8601.string(start)) to \(ISO8601.string(end))\(since == nil && until == nil ? " (from the report; --since and --until change it)" : "")")
        }
        let outcome = TimelineImporter(parser: parser).importEvents(events, path: report, zone: zone)
        if let error = outcome.file.error { throw error }
        guard let output = outcome.file.output, let original = outcome.file.original else {
          printError(
            events.isEmpty
              ? "retro: nothing to add to \(report): the sources hold no events in the window"
              : "retro: nothing to add to \(report): \(outcome.duplicates) of \(events.count) events are in its timeline already")
          return
        }
        for added in outcome.added {
          var note = ""
          if let milestone = added.milestone {
            note = " [likely \(milestone.kind.rawValue): \(milestone.reason)"
            if added.readAs != milestone.kind { note += "; the line reads as \(added.readAs?.rawValue ?? "no milestone"): reword it" }
            note += "]"
          }
          if !dryRun || added.milestone != nil { printError("\(report):\(added.line): \(dryRun ? "would add" : "added") \(added.event.source) event\(note)") }
        }
        if dryRun {
          let name = report.drop(while: { $0 == "/" })
          Console.machine(UnifiedDiff.diff(String(decoding: original, as: UTF8.self), String(decoding: output, as: UTF8.self), oldName: "a/" + name, newName: "b/" + name))
        } else {
          try FileFixer.write(outcome.file)
        }
        for change in outcome.changes { printError("\(report): warning: \(dryRun ? "would change" : "changed") what the report says: \(change)") }
        let count = outcome.added.count
        printError(
          "retro: \(dryRun ? "would add" : "added") \(count) timeline \(count == 1 ? "entry" : "entries") in \(outcome.zone) to \(report)"
            + "\(outcome.createdSection ? " (in a new Timeline section)" : ""); \(outcome.duplicates) already there")
      } catch let error as InputError {
        printError(error.description)
        throw RetroExit.inputError
      }
    }

    /// `2026-03-14T08:00:00Z` as written; `2026-03-14 09:00` or `2026-03-14T09:00` in the
    /// timeline's zone; `2026-03-14` the day's start (or end, for --until).
    static func instant(_ text: String, option: String, zone: TimeZone, endOfDay: Bool = false) throws -> Date {
      let trimmed = text.trimmingWhitespace()
      if let instant = TimelineSource.instant(trimmed) { return instant }
      // The zone's offset on that day, not today's: summer time is another offset.
      let rough = TimelineSource.instant(trimmed.count == 10 ? trimmed + "T12:00Z" : trimmed + "Z") ?? Date()
      let offset = zone.secondsFromGMT(for: rough)
      let sign = offset < 0 ? "-" : "+"
      let hours = abs(offset) / 3600
      let minutes = abs(offset) % 3600 / 60
      let suffix = "\(sign)\(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
      if let instant = TimelineSource.instant(trimmed + suffix) { return instant }
      if trimmed.count == 10, let day = TimelineSource.instant(trimmed + "T00:00" + suffix) {
        return endOfDay ? day.addingTimeInterval(86_400 - 1) : day
      }
      throw ValidationError("\(option) '\(text)' is not a time: write 2026-03-14T09:00Z, '2026-03-14 09:00' (the timeline's zone) or 2026-03-14")
    }
  }
}
