import Foundation

/// Grafana's alert state history as annotations (`GET /api/annotations?type=alert`): each
/// change of an alert's state, with the time in milliseconds. A change to alerting is the
/// alert firing, back to ok or normal from alerting is it resolving; pending is left out.
enum GrafanaAnnotationsReader {
  static func looksLike(_ json: Any) -> Bool {
    guard let first = (json as? [Any])?.first as? [String: Any] else { return false }
    return first["newState"] != nil && first["time"] != nil
  }

  static func read(_ json: Any, path: String) throws -> [ImportedEvent] {
    var events: [ImportedEvent] = []
    for case let annotation as [String: Any] in ImportJSON.array(json) ?? [] {
      guard let state = ImportJSON.string(annotation["newState"])?.lowercased(), let instant = ImportJSON.instant(annotation["time"]) else { continue }
      let previous = ImportJSON.string(annotation["prevState"])?.lowercased()
      let name = ImportJSON.string(annotation["alertName"]) ?? "alert"
      let signal: ImportedEventSignal
      // Unified alerting writes a reason after the state: `Normal (MissingSeries)`.
      let base = state.split(separator: " ").first.map(String.init) ?? state
      let previousBase = previous?.split(separator: " ").first.map(String.init)
      switch base {
      case "alerting", "firing": signal = .alertFiring
      case "ok", "normal":
        guard previousBase == "alerting" || previousBase == "firing" else { continue }
        signal = .alertResolved
      case "pending": continue
      default: signal = .message
      }
      var text = "\(name): \(previous.map { "\($0) → " } ?? "")\(state)"
      if let detail = ImportJSON.string(annotation["text"])?.trimmingWhitespaceAndNewlines(), !detail.isEmpty, detail != name {
        text += " (\(detail))"
      }
      events.append(ImportedEvent(instant: instant, text: text, source: "Grafana", signal: signal))
    }
    return events
  }
}
