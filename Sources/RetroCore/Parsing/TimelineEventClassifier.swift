/// Gives a timeline entry its milestone kind from its words.
enum TimelineEventClassifier {
  private static let explicitStart = [
    "outage start", "incident start", "impact start", "outage begins", "incident begins", "impact begins",
    "started failing", "began failing", "errors start", "started returning", "began returning",
  ]
  private static let resolved = [
    "resolved", "fully recovered", "fully restored", "back to normal", "up again", "all clear",
    "incident closed", "service restored", "fix deployed", "fix was deployed", "resolving",
    "confirmed complete", "services restored", "recovered", "is fixed", "was fixed",
    "fully operational", "works again", "working again", "serving again", "available again",
    "online again", "loading again", "all systems operational",
    "permanently fixed", "confirmed working", "is healthy", "healthy again", "usual rate",
    "close the incident", "closes the incident", "resolve by", "incident is over", "back online", "operating normally", "returned to normal", "outage ends",
    "outage ended", "incident ends", "incident ended", "closed the incident",
  ]
  private static let mitigated = [
    "mitigated", "mitigation", "rolled back", "rollback", "roll back", "reverted", "revert ",
    "workaround", "failed over", "failover", "stopped draining", "partially restored",
    "partial recovery", "stabilised", "stabilized", "error rate dropped", "errors dropped",
  ]
  private static let detected = [
    "alert", "alarm", "paged", "page from", "got a page", "pagerduty", "detected", "noticed",
    "first report", "reported by", "customers reported", "users reported", "monitor",
    "on-call was", "oncall", "pages the", "pages on-call", "help-desk ticket", "first ticket", "discovered", "became aware", "notified", "notices", "reports of",
    "is reported", "was reported", "reporting", "inbound report", "report is submitted",
    "report was submitted", "emails", "receives an email", "receive an email", "informed",
    "support request", "support case", "automated warning", "warning from", "sees ", "seemed off",
  ]
  // Deploys and merges are left out: they are as often lead-up or the fix as the start; and
  // "began investigating" is the response, not the start.
  private static let started = ["started", "began", "begin", "kicked off"]

  static func kind(of text: String) -> TimelineEventKind? {
    let lowered = text.lowercased()
    func has(_ phrases: [String]) -> Bool { phrases.contains { lowered.contains($0) } }
    if has(explicitStart) { return .start }
    if has(resolved) && !lowered.contains("unresolved") { return .resolved }
    if has(mitigated) { return .mitigated }
    if has(detected) { return .detected }
    if has(started), !lowered.contains("investigat"), !lowered.contains("work on"), !lowered.contains("working on") {
      return .start
    }
    return nil
  }
}
