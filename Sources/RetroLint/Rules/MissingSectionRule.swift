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
    ],
    nonTriggeringExamples: [
      RuleExample("# Outage\n\n## Summary\n\nx\n\n## User impact\n\n5%\n\n## Contributing factors\n\nx\n\n## Timeline\n\n- 10:00 x\n\n## Follow-ups\n\n- x\n"),
    ])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let report = context.report
    let line = report.sections.first.map { _ in context.titleLine } ?? 1
    return context.configuration.requiredSections.compactMap { kind in
      if report.has(kind) { return nil }
      if kind == .lessonsLearned, report.sections.contains(where: { $0.kind.isLessonList }) { return nil }
      let accepted = context.configuration.vocabulary.phrases(for: kind)
        .filter { $0.lowercased() != kind.displayName.lowercased() }.prefix(4).map { "'\($0)'" }
      return Finding(
        "The report has no \(kind.displayName) section; add one headed '\(kind.displayName)' (also accepted: \(accepted.joined(separator: ", ")))",
        line: line)
    }
  }
}
