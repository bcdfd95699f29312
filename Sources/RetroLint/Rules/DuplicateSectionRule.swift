import RetroCore

/// The same kind of section twice under one parent.
public struct DuplicateSectionRule: Rule {
  public static let description = RuleDescription(
    identifier: "duplicate_section", name: "Duplicate Section",
    description: "The same section appears twice under the same parent heading.",
    rationale: "Two Impact or two Timeline sections split what readers expect in one place, and tools read only the first.",
    severity: .warning,
    triggeringExamples: [RuleExample("# Outage\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:00 x\n\n↓## User impact\n\ny\n")],
    nonTriggeringExamples: [
      RuleExample("# Log\n\n## Incident one\n\n### Impact\n\nx\n\n## Incident two\n\n### Impact\n\ny\n"),
      RuleExample("# Flags\n\n## Remediation\n\n### Short-term improvements\n\n- x\n\n### Long-term improvements\n\n- y\n"),
    ], tier: .optIn)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let sections = context.report.sections
    var seen: [String: Section] = [:]
    var findings: [Finding] = []
    // Sub-sections of a section of the same kind (`### Short-term` under `## Remediation`)
    // are tiers, not duplicates.
    for (index, section) in sections.enumerated() where section.kind != .custom && section.within != section.kind {
      // The parent: the nearest earlier section at a shallower level.
      let parent = sections[..<index].lastIndex { $0.level < section.level } ?? -1
      // Templates split causes and recovery over several headings (Fault, Five whys, Root
      // cause; Response, Recovery): for those kinds only the same heading twice counts.
      let byHeading: Set<SectionKind> = [.rootCauses, .resolution, .trigger, .custom]
      let identity = byHeading.contains(section.kind) ? HeadingVocabulary.normalise(section.heading) : section.kind.rawValue
      let key = "\(parent)/\(section.kind.rawValue)/\(identity)"
      if let first = seen[key] {
        findings.append(
          Finding(
            "'\(section.heading)' is a second \(section.kind.displayName) section", line: section.range.start.line,
            note: .init(message: "the first is here", path: context.path, line: first.range.start.line)))
      } else {
        seen[key] = section
      }
    }
    return findings
  }
}
