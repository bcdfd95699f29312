import Foundation

/// `gh api repos/OWNER/REPO/deployments`: one event per deployment, when it was created.
enum GitHubDeploymentsReader {
  static func looksLike(_ json: Any) -> Bool {
    guard let first = (json as? [Any])?.first as? [String: Any] else { return false }
    return first["environment"] != nil && first["sha"] != nil && first["created_at"] != nil
  }

  static func read(_ json: Any, path: String) throws -> [ImportedEvent] {
    var events: [ImportedEvent] = []
    for case let deployment as [String: Any] in ImportJSON.array(json) ?? [] {
      guard let instant = ImportJSON.instant(deployment["created_at"]) else { continue }
      let environment = ImportJSON.string(deployment["environment"]) ?? "an environment"
      let description = ImportJSON.string(deployment["description"])?.trimmingWhitespaceAndNewlines() ?? ""
      var text = "deployment to \(environment)"
      if !description.isEmpty { text += ": \(description)" }
      var details: [String] = []
      if let sha = DeployWording.short(ImportJSON.string(deployment["sha"])) { details.append(sha) }
      if let login = ImportJSON.string(ImportJSON.object(deployment["creator"])?["login"]) { details.append("by \(login)") }
      if !details.isEmpty { text += " (\(details.joined(separator: ", ")))" }
      let signal: ImportedEventSignal = DeployWording.isRollback(description) ? .rollback : .deploy
      events.append(ImportedEvent(instant: instant, text: text, source: "GitHub", signal: signal))
    }
    return events
  }
}
