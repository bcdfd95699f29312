import Foundation
import RetroCore
import RetroLint

/// Hover text: on a time stamp, the instant it was read as (UTC and the report's zone) and
/// its offset from the first event; on an action item, its id, owners, due date, status and
/// whether another report of the folder promised the same.
struct HoverProvider {
  var analysis: DocumentAnalysis
  var document: OpenDocument
  var knowledge: FolderKnowledge?
  var threshold: Double
  var today: CalendarDate
  /// The tracker exports' tickets, when `.retro.yml` names some.
  var tracker: TrackerTickets? = nil

  func hover(line: Int) -> String? {
    guard let report = analysis.context?.report else { return nil }
    if let entry = report.timeline.first(where: { $0.line == line && !$0.timeText.isEmpty }) {
      return timeHover(entry, report: report)
    }
    if let item = report.actionItems.first(where: { $0.line == line }) {
      return itemHover(item)
    }
    return nil
  }

  func timeHover(_ entry: TimelineEntry, report: IncidentReport) -> String {
    var lines = ["**\(entry.timeText)**"]
    guard let instant = entry.instant else {
      lines.append("Not placed in time: \(entry.timeZone == nil ? "no date or zone to read it with" : "no date to read it with").")
      return lines.joined(separator: "\n\n")
    }
    lines.append("UTC: \(Self.format(instant, zone: TimeZone(identifier: "UTC")!))")
    if let name = entry.timeZone, let zone = TimeZoneResolver.zone(named: name), zone.secondsFromGMT(for: instant) != 0 || name != "UTC" {
      lines.append("\(name): \(Self.format(instant, zone: zone))")
    }
    if let start = report.timeline.compactMap(\.instant).min() {
      let offset = Int(instant.timeIntervalSince(start))
      lines.append(offset == 0 ? "The first event." : "\(offset < 0 ? "−" : "+")\(Self.duration(abs(offset))) from the first event.")
    }
    if let kind = entry.kind { lines.append("Read as the \(kind.rawValue) event.") }
    return lines.joined(separator: "\n\n")
  }

  func itemHover(_ item: ActionItem) -> String {
    var lines = ["**Action item \(item.explicitId ? item.id : "without an id (tracked as \(item.id))")**"]
    lines.append("Status: \(item.status.rawValue)")
    lines.append("Owners: \(item.owners.isEmpty ? "none" : item.owners.joined(separator: ", "))")
    if let due = item.due {
      let days = today.days(to: due)
      let when = item.status == .done ? "" : days < 0 ? " (\(-days) days overdue)" : days == 0 ? " (today)" : " (in \(days) days)"
      lines.append("Due: \(due)\(when)")
    } else {
      lines.append("Due: no date")
    }
    if !item.tickets.isEmpty { lines.append("Tickets: \(item.tickets.joined(separator: ", "))") }
    if let ticket = tracker?.ticket(for: item.tickets) {
      lines.append("Tracker: \(ticket.summary) (\(ticket.source))")
    }
    if let priority = item.priority { lines.append("Priority: \(priority)") }
    if let knowledge {
      let matches = knowledge.recurrences(of: item.text, excluding: document.path, threshold: threshold)
      if matches.isEmpty {
        lines.append("Not promised in another report (\(knowledge.source)).")
      } else {
        let listed = matches.prefix(5).map { match in
          let name = URL(fileURLWithPath: match.item.path).lastPathComponent
          return "- \(name):\(match.item.line) (\(match.item.status), \(Int((match.similarity * 100).rounded()))% alike): \(match.item.text)"
        }
        lines.append("**Recurs**: promised before in \(matches.count) other item\(matches.count == 1 ? "" : "s") (\(knowledge.source)):\n" + listed.joined(separator: "\n"))
      }
    }
    return lines.joined(separator: "\n\n")
  }

  static func format(_ date: Date, zone: TimeZone) -> String {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: zone, from: date)
    func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
    return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
  }

  static func duration(_ seconds: Int) -> String {
    let minutes = seconds / 60
    if minutes < 60 { return "\(minutes) min" }
    let hours = minutes / 60
    if hours < 48 { return minutes % 60 == 0 ? "\(hours) h" : "\(hours) h \(minutes % 60) min" }
    return "\(hours / 24) d \(hours % 24) h"
  }
}
