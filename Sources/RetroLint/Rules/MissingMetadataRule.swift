import RetroCore

/// A metadata field the team requires is missing.
public struct MissingMetadataRule: Rule {
  public static let description = RuleDescription(
    identifier: "missing_metadata", name: "Missing Metadata",
    description: "A required metadata field (title, date, severity, status, authors by default) is missing.",
    rationale: "Tracking, search and publishing rely on every report saying when, how bad, who wrote it and how final it is.",
    severity: .warning,
    triggeringExamples: [RuleExample("↓---\ntitle: Outage\ndate: 2024-01-01\nseverity: SEV2\nstatus: draft\n---\n\n## Summary\n\nx\n")],
    nonTriggeringExamples: [
      RuleExample("---\ntitle: Outage\ndate: 2024-01-01\nseverity: SEV2\nstatus: draft\nauthors: [Ana]\n---\n\n## Summary\n\nx\n"),
      RuleExample("# Outage\n\n**Date:** 2024-01-01\n**Severity:** SEV2\n**Status:** Final\n**Authors:** Ana\n"),
    ],
    fixable: true, tier: .convention)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let report = context.report
    let fm = context.parsed.frontMatter != nil
    return context.configuration.requiredMetadata.compactMap { field in
      let missing: Bool
      switch field {
      case "title": missing = report.title == nil
      case "date": missing = report.date == nil
      case "severity": missing = report.severity == nil
      case "status": missing = report.status == nil
      case "authors": missing = report.authors.isEmpty
      case "services": missing = report.services.isEmpty
      case "tags": missing = report.tags.isEmpty
      case "id": missing = report.id == nil
      default: missing = false
      }
      guard missing else { return nil }
      if let value = context.parsed.frontMatter?.values[field] {
        return Finding("The report's \(field) '\(value.scalarText ?? value.stringList.joined(separator: ", "))' cannot be read; write it as \(Self.format(of: field))", line: context.line(ofKey: field))
      }
      let hint = fm ? "add '\(field):' to the front matter" : "add a '**\(field.prefix(1).uppercased() + field.dropFirst()):**' line or front matter"
      return Finding("The report has no \(field); \(hint)", line: 1, fix: context.fix { MetadataSkeleton.fix(adding: field, to: context) })
    }
  }

  static func format(of field: String) -> String {
    switch field {
    case "date": return "a date such as 2024-03-01"
    case "authors", "services", "tags": return "a list such as [Ana, Ben]"
    default: return "text"
    }
  }
}
