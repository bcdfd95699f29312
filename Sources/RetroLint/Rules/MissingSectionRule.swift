import RetroCore

/// A section the team requires is missing.
public struct MissingSectionRule: Rule {
  public static let description = RuleDescription(
    identifier: "missing_section", name: "Missing Section",
    description: "A section the configuration requires (summary, impact, root causes, timeline, action items by default) is missing.",
    rationale: "Reviewers and later readers look for the same sections in every report; a missing one is usually work not yet done.",
    severity: .error,
    triggeringExamples: [
      RuleExample("↓# Outage\n\n## Summary\n\nDown.\n\n## Impact\n\n5% of users.\n"),
      // Found only by its content: the finding says so, at the section.
      RuleExample(
        "# Outage\n\n## Summary\n\nx\n\n## Impact\n\n5%\n\n## Root causes\n\nx\n\n↓## Notes\n\n- 10:00 deploy\n- 10:05 alert\n- 10:30 fixed\n\n## Action items\n\n- x\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("---\ntitle: x\n---\nThe cache cluster failed over twice on Tuesday and the API returned errors for most requests during twenty minutes before we restored it.\n\n## Impact\n\nx\n\n## Root causes\n\nx\n\n## Timeline\n\n- 10:00 x\n\n## Action items\n\n- x\n"),
      RuleExample("# Outage\n\n## Summary\n\nx\n\n## User impact\n\n5%\n\n## Contributing factors\n\nx\n\n## Timeline\n\n- 10:00 x\n\n## Follow-ups\n\n- x\n"),
    ],
    fixable: true)

  public init() {}

  /// A paragraph of prose before the first section (a blog post's opening) is a summary.
  static func hasLeadParagraph(_ context: LintContext) -> Bool {
    let firstSection = context.report.sections.first?.range.start.line ?? Int.max
    var words = 0
    for (number, line) in context.proseLines() where number < firstSection {
      let text = line.trimmingWhitespace()
      // Headings, metadata lines, comments and markers are not summary prose.
      if text.hasPrefix("#") || text.hasPrefix("<") || text.hasPrefix("|") { continue }
      if let colon = text.firstIndex(of: ":"), text[..<colon].split(separator: " ").count <= 3, text.hasPrefix("**") || text.count < 60 { continue }
      words += text.split(separator: " ").count
    }
    return words >= 20
  }

  public func validate(_ context: LintContext) -> [Finding] {
    let report = context.report
    let line = report.sections.first.map { _ in context.titleLine } ?? 1
    return context.configuration.requiredSections.compactMap { kind in
      let found = report.sections.filter { $0.reads(as: kind) }
      if let first = found.first, found.allSatisfy({ $0.foundBy == .content }) {
        return Finding(
          "The report has no \(kind.displayName) heading: '\(first.heading)' reads as the \(kind.displayName) section only by its content; head it '\(kind.displayName)'",
          line: first.range.start.line)
      }
      if report.has(kind) { return nil }
      if kind == .lessonsLearned, report.sections.contains(where: { $0.kind.isLessonList }) { return nil }
      if kind == .summary, Self.hasLeadParagraph(context) { return nil }
      let accepted = context.configuration.vocabulary.phrases(for: kind)
        .filter { $0.lowercased() != kind.displayName.lowercased() }.prefix(4).map { "'\($0)'" }
      return Finding(
        "The report has no \(kind.displayName) section; add one headed '\(kind.displayName)' (also accepted: \(accepted.joined(separator: ", ")))",
        line: line, fix: context.fix { SectionSkeleton.fix(adding: kind, to: context) })
    }
  }
}
