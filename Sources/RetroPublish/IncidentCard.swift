import RetroCore

/// What the index, list pages and feed need of one incident, kept after its page is written
/// so the whole report need not stay in memory.
struct IncidentCard: Sendable {
  var source: String
  var slug: String
  /// The page's name before names were stable (date and title), for redirecting it.
  var legacySlug: String = ""
  var title: String
  var date: CalendarDate?
  var severity: String
  var status: String
  var duration: String
  var openItems: Int
  var tags: [String]
  var services: [String]
  var summary: String
  var authors: [String]

  var href: String { "incidents/\(slug).html" }
  var published: Bool { ReportStatus.isFinished(status) }

  /// `sev1` … `sev5` or `sevunknown`, for the badge colour.
  static func severityClass(_ severity: String) -> String {
    let lowered = severity.lowercased()
    if let digit = lowered.first(where: \.isNumber)?.wholeNumberValue, (0...5).contains(digit) { return "sev\(max(1, digit))" }
    switch lowered {
    case "critical", "blocker", "urgent": return "sev1"
    case "high", "major": return "sev2"
    case "medium", "moderate": return "sev3"
    case "low", "minor": return "sev4"
    default: return "sevunknown"
    }
  }

  func data(root: String) -> [String: Any] {
    var data: [String: Any] = [
      "title": title, "date": date?.description ?? "undated", "severity": severity,
      // No badge for a severity the report does not give: a column of UNKNOWN says nothing.
      "hasSeverity": severity != "unknown",
      "severityClass": Self.severityClass(severity), "duration": duration,
      "openItems": openItems, "href": href, "root": root,
    ]
    // Nor a status label for a status it does not give.
    if status != "unknown" { data["status"] = status }
    return data
  }
}
