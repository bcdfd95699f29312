/// The labels that carry a report's metadata, in key/value lines (`**Severity:** SEV2`),
/// tables and headings (`# Date`).
enum MetadataLabel: String, CaseIterable {
  case title, id, date, authors, status, severity, services, tags

  /// The label a key names, after normalisation; nil for other keys.
  init?(key: String) {
    let words = HeadingVocabulary.normalise(key)
    switch words {
    case "title", "incident title", "name": self = .title
    case "id", "incident id", "incident number", "ticket", "incident ticket": self = .id
    case "date", "incident date", "date of incident", "date of the incident", "when", "occurred",
      "incident start", "start date":
      self = .date
    case "author", "authors", "created by", "written by", "owner", "owners", "postmortem owner",
      "post mortem owner", "incident owner", "report owner", "prepared by":
      self = .authors
    case "status", "report status", "document status", "state": self = .status
    case "severity", "sev", "severity level", "incident severity", "level", "priority":
      self = .severity
    case "services", "service", "affected services", "affected service", "components",
      "affected components", "systems affected", "affected systems", "systems", "product",
      "products", "affected products":
      self = .services
    case "tags", "labels", "keywords", "categories": self = .tags
    default: return nil
    }
  }

  /// True when a heading is only a metadata label (`# Date`, `## Owner: @name`).
  static func isLabel(_ heading: String) -> Bool {
    let key = heading.split(separator: ":", maxSplits: 1).first.map(String.init) ?? heading
    return MetadataLabel(key: key) != nil || HeadingVocabulary.normalise(heading) == "metadata"
  }
}
