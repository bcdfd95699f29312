import Foundation

/// PagerDuty's incident log (`GET /incidents/{id}/log_entries`, or `pd incident log`): the
/// trigger, acknowledgements, notes, escalations and the resolve. Notifications and
/// assignments are left out: each page fans out into one per person and channel.
enum PagerDutyLogReader {
  static func looksLike(_ json: Any) -> Bool {
    if let object = json as? [String: Any] { return object["log_entries"] is [Any] }
    if let first = (json as? [Any])?.first as? [String: Any] {
      return (first["type"] as? String)?.hasSuffix("_log_entry") == true
    }
    return false
  }

  static func read(_ json: Any, path: String) throws -> [ImportedEvent] {
    let entries = ImportJSON.array(ImportJSON.object(json)?["log_entries"]) ?? ImportJSON.array(json) ?? []
    var events: [ImportedEvent] = []
    for case let entry as [String: Any] in entries {
      guard let type = entry["type"] as? String, let instant = ImportJSON.instant(entry["created_at"]) else { continue }
      let kind = type.hasSuffix("_log_entry") ? String(type.dropLast("_log_entry".count)) : type
      if ["notify", "assign", "delegate", "urgency_change", "priority_change"].contains(kind) { continue }
      let incident = ImportJSON.object(entry["incident"])
      var summary = (entry["summary"] as? String)?.trimmingWhitespaceAndNewlines() ?? ""
      if summary.isEmpty { summary = kind.replacingOccurrences(of: "_", with: " ") }
      let link = ImportJSON.string(entry["html_url"]) ?? ImportJSON.string(incident?["html_url"])
      var text = summary
      let signal: ImportedEventSignal
      switch kind {
      case "trigger":
        signal = .page
        if let title = ImportJSON.string(incident?["summary"]) { text = "\(title): \(summary)" }
      case "acknowledge": signal = .acknowledged
      case "resolve": signal = .pageResolved
      default:
        signal = .message
        // A note's words are in its channel's summary.
        if kind == "annotate", let note = ImportJSON.string(ImportJSON.object(entry["channel"])?["summary"]), !note.isEmpty, note != summary {
          text = "\(summary): \(note)"
        }
      }
      events.append(ImportedEvent(instant: instant, text: text, source: "PagerDuty", link: link, signal: signal))
    }
    return events
  }
}
