import Foundation

/// `gh run list --json …`: GitHub Actions runs. A finished run is one event at its end (a
/// deploy lands when its run finishes), an unfinished one at its start; a run whose
/// workflow or title deploys is a deploy, a revert or rollback one a mitigation.
enum GitHubRunsReader {
  static func looksLike(_ json: Any) -> Bool {
    guard let first = (json as? [Any])?.first as? [String: Any] else { return false }
    return first["workflowName"] != nil || (first["conclusion"] != nil && first["headSha"] != nil)
  }

  static func read(_ json: Any, path: String) throws -> [ImportedEvent] {
    var events: [ImportedEvent] = []
    for case let run as [String: Any] in ImportJSON.array(json) ?? [] {
      let workflow = ImportJSON.string(run["workflowName"]) ?? ImportJSON.string(run["name"]) ?? "workflow"
      let title = ImportJSON.string(run["displayTitle"]) ?? ""
      let status = ImportJSON.string(run["status"])?.lowercased() ?? ""
      let conclusion = ImportJSON.string(run["conclusion"])?.lowercased() ?? ""
      let finished = status == "completed" || !conclusion.isEmpty
      let at = finished ? ImportJSON.instant(run["updatedAt"]) : nil
      guard let instant = at ?? ImportJSON.instant(run["startedAt"]) ?? ImportJSON.instant(run["createdAt"]) else { continue }
      var text = "\(workflow)"
      if !title.isEmpty, title != workflow { text += " «\(title)»" }
      text += finished ? " \(conclusion.isEmpty ? "finished" : conclusion)" : " started"
      var details: [String] = []
      if let branch = ImportJSON.string(run["headBranch"]), !branch.isEmpty { details.append(branch) }
      if let sha = DeployWording.short(ImportJSON.string(run["headSha"])) { details.append(sha) }
      if let event = ImportJSON.string(run["event"]), !event.isEmpty { details.append(event) }
      if !details.isEmpty { text += " (\(details.joined(separator: ", ")))" }
      var signal = DeployWording.signal(workflow, title)
      // A pull request's run tests a change; it deploys nothing anyone uses.
      if let event = ImportJSON.string(run["event"]), event == "pull_request" || event == "pull_request_target" { signal = .build }
      // A deploy that failed or has not finished changed nothing yet.
      if signal != .build, !finished || conclusion != "success" { signal = .build }
      if signal == .build, conclusion == "success" || conclusion == "skipped" || conclusion == "neutral" { continue }
      events.append(ImportedEvent(instant: instant, text: text, source: "GitHub Actions", link: ImportJSON.string(run["url"]), signal: signal))
    }
    return events
  }
}
