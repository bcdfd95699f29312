import Foundation

/// Opsgenie's alert log (`GET /v2/alerts/{id}/logs`): the alert created, acknowledged, noted,
/// escalated and closed. The notifications sent to each person are left out.
enum OpsgenieLogReader {
  static func looksLike(_ json: Any) -> Bool {
    guard let data = ImportJSON.array(ImportJSON.object(json)?["data"]) ?? ImportJSON.array(json),
      let first = data.first as? [String: Any]
    else { return false }
    return first["log"] != nil && first["createdAt"] != nil
  }

  static func read(_ json: Any, path: String) throws -> [ImportedEvent] {
    let logs = ImportJSON.array(ImportJSON.object(json)?["data"]) ?? ImportJSON.array(json) ?? []
    var events: [ImportedEvent] = []
    for case let entry as [String: Any] in logs {
      guard let log = ImportJSON.string(entry["log"])?.trimmingWhitespaceAndNewlines(), !log.isEmpty,
        let instant = ImportJSON.instant(entry["createdAt"])
      else { continue }
      let lowered = log.lowercased()
      let type = (entry["type"] as? String)?.lowercased() ?? ""
      // Each person's notification, and the alert routed to a team: the page itself is the
      // alert created.
      if type == "alertrecipient" || (type != "note" && (lowered.hasPrefix("notification") || lowered.contains(" is posted to "))) { continue }
      let signal: ImportedEventSignal
      if type == "note" || lowered.hasPrefix("note ") {
        signal = .message
      } else if lowered.hasPrefix("alert acknowledged") || lowered.hasPrefix("alert is acknowledged") {
        signal = .acknowledged
      } else if lowered.hasPrefix("alert closed") || lowered.hasPrefix("alert is closed") {
        signal = .pageResolved
      } else if lowered.hasPrefix("alert created") || lowered.hasPrefix("alert is created") {
        signal = .page
      } else {
        signal = .message
      }
      var text = log
      if let owner = ImportJSON.string(entry["owner"])?.trimmingWhitespace(), !owner.isEmpty, owner.lowercased() != "system",
        !log.contains(owner)
      {
        text += " (\(owner))"
      }
      events.append(ImportedEvent(instant: instant, text: text, source: "Opsgenie", signal: signal))
    }
    return events
  }
}
