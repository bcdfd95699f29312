import Foundation

/// Works out time to detect, mitigate and resolve from the timeline's milestones, with
/// front-matter instants (`started`, `detected`, `mitigated`, `resolved`) taking precedence.
///
/// The start is the first entry marked as a start, else the first timed entry. Mitigation
/// without its own entry is taken to have happened at resolution.
enum IncidentMetricsCalculator {
  static func metrics(timeline: [TimelineEntry], frontMatter: FrontMatterTable?) -> IncidentMetrics {
    func instant(_ keys: [String]) -> Date? {
      guard let text = frontMatter?.lookup(keys)?.scalarText else { return nil }
      return ISO8601.date(text) ?? ISO8601.date(text.replacingOccurrences(of: " ", with: "T"))
    }
    func first(_ kind: TimelineEventKind) -> Date? {
      timeline.first { $0.kind == kind && $0.instant != nil }?.instant
    }
    let start = instant(["started", "start", "startedAt", "began"]) ?? first(.start)
      ?? timeline.compactMap(\.instant).first
    guard let start else { return IncidentMetrics() }
    let detected = instant(["detected", "detectedAt"]) ?? first(.detected)
    let resolved = instant(["resolved", "resolvedAt", "ended", "end"]) ?? first(.resolved)
    let mitigated = instant(["mitigated", "mitigatedAt"]) ?? first(.mitigated) ?? resolved
    func since(_ date: Date?) -> TimeInterval? {
      guard let date, date >= start else { return nil }
      return date.timeIntervalSince(start)
    }
    return IncidentMetrics(timeToDetect: since(detected), timeToMitigate: since(mitigated), timeToResolve: since(resolved))
  }
}
