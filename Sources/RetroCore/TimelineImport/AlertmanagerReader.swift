import Foundation

/// Alertmanager's alerts: the API's list (`GET /api/v2/alerts`, `amtool alert query -o json`)
/// or the webhook payloads a receiver logged (one object, or an array of them). An alert
/// gives the moment it began firing and, once a payload says it resolved, the moment it
/// ended; the same alert in several payloads counts once.
enum AlertmanagerReader {
  static func looksLike(_ json: Any) -> Bool {
    if let object = json as? [String: Any] { return object["alerts"] is [Any] && (object["groupKey"] != nil || object["version"] != nil) }
    guard let first = (json as? [Any])?.first as? [String: Any] else { return false }
    return first["startsAt"] != nil || (first["alerts"] is [Any] && first["groupKey"] != nil)
  }

  static func read(_ json: Any, path: String) throws -> [ImportedEvent] {
    var alerts: [[String: Any]] = []
    let items: [Any] = ImportJSON.array(json) ?? [json]
    for item in items {
      guard let object = item as? [String: Any] else { continue }
      if let inner = object["alerts"] as? [Any] {
        alerts += inner.compactMap { $0 as? [String: Any] }
      } else {
        alerts.append(object)
      }
    }
    var events: [ImportedEvent] = []
    var seen = Set<String>()
    for alert in alerts {
      let labels = (alert["labels"] as? [String: Any]) ?? [:]
      let annotations = (alert["annotations"] as? [String: Any]) ?? [:]
      let name = ImportJSON.string(labels["alertname"]) ?? "alert"
      let identity = ImportJSON.string(alert["fingerprint"]) ?? labels.keys.sorted().map { "\($0)=\(ImportJSON.string(labels[$0]) ?? "")" }.joined(separator: ",")
      let qualifiers = ["severity", "service", "instance"].compactMap { key in ImportJSON.string(labels[key]).map { "\(key)=\($0)" } }
      let detail = ImportJSON.string(annotations["summary"]) ?? ImportJSON.string(annotations["description"])
      let link = ImportJSON.string(alert["generatorURL"])
      func described(_ state: String) -> String {
        var text = "\(name) \(state)"
        if !qualifiers.isEmpty { text += " (\(qualifiers.joined(separator: ", ")))" }
        if let detail, !detail.isEmpty { text += ": \(detail.trimmingWhitespaceAndNewlines())" }
        return text
      }
      // A silenced or inhibited alert paged nobody, and an info alert is not one to page on:
      // kept as events, never taken for the alert that detected the incident.
      let state = ImportJSON.string(ImportJSON.object(alert["status"])?["state"])
      let severity = ImportJSON.string(labels["severity"])?.lowercased() ?? ""
      let quiet = state == "suppressed" || ["info", "none", "debug", "informational"].contains(severity)
      if let start = ImportJSON.instant(alert["startsAt"]), seen.insert("\(identity) firing \(start.timeIntervalSince1970)").inserted {
        let text = described(state == "suppressed" ? "firing, silenced" : "firing")
        events.append(ImportedEvent(instant: start, text: text, source: "Alertmanager", link: link, signal: quiet ? .message : .alertFiring))
      }
      // The webhook's `status` is "resolved" once it ended; the API's is an object and its
      // `endsAt` only the time the alert would lapse if not renewed.
      if ImportJSON.string(alert["status"]) == "resolved", let end = ImportJSON.instant(alert["endsAt"]),
        seen.insert("\(identity) resolved \(end.timeIntervalSince1970)").inserted
      {
        events.append(ImportedEvent(instant: end, text: described("resolved"), source: "Alertmanager", link: link, signal: quiet ? .message : .alertResolved))
      }
    }
    return events
  }
}
