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
    // Byte search over the lowercased UTF-8: this runs on every entry, and Foundation's
    // `contains` is many times slower.
    // ASCII text (nearly every entry) is lowercased by bytes, the same result.
    var lowered = text.utf8.contains(where: { $0 >= 0x80 }) ? Array(text.lowercased().utf8) : ByteSearch.lowercasedASCII(text)
    // A link's address is not the entry's words (`…/monitoring-stack/actions/runs/1`).
    if ByteSearch.contains(lowered, Compiled.scheme) { lowered = withoutAddresses(lowered) }
    // One pass per list (Aho–Corasick, as substrings), not one search per phrase.
    if Compiled.explicitStart.occurs(in: lowered) { return .start }
    if Compiled.resolved.occurs(in: lowered) && !ByteSearch.contains(lowered, Compiled.unresolved) { return .resolved }
    if Compiled.mitigated.occurs(in: lowered) { return .mitigated }
    if Compiled.detected.occurs(in: lowered) { return .detected }
    if Compiled.started.occurs(in: lowered), !Compiled.notStart.occurs(in: lowered) { return .start }
    return nil
  }

  /// `lowered` with every `http://…` or `https://…` up to the next space left out.
  static func withoutAddresses(_ lowered: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(lowered.count)
    var index = 0
    while index < lowered.count {
      if lowered[index] == UInt8(ascii: "h"), index + 7 <= lowered.count,
        lowered[index..<index + 7].elementsEqual("http://".utf8) || (index + 8 <= lowered.count && lowered[index..<index + 8].elementsEqual("https://".utf8))
      {
        while index < lowered.count, lowered[index] != 0x20, lowered[index] != UInt8(ascii: ")"), lowered[index] != UInt8(ascii: ">") { index += 1 }
        continue
      }
      out.append(lowered[index])
      index += 1
    }
    return out
  }

  private enum Compiled {
    static let scheme = Array("://".utf8)
    static let explicitStart = PhraseMatcher(TimelineEventClassifier.explicitStart, wholeWords: false)
    static let resolved = PhraseMatcher(TimelineEventClassifier.resolved, wholeWords: false)
    static let mitigated = PhraseMatcher(TimelineEventClassifier.mitigated, wholeWords: false)
    static let detected = PhraseMatcher(TimelineEventClassifier.detected, wholeWords: false)
    static let started = PhraseMatcher(TimelineEventClassifier.started, wholeWords: false)
    static let notStart = PhraseMatcher(["investigat", "work on", "working on"], wholeWords: false)
    static let unresolved = Array("unresolved".utf8)
  }
}
