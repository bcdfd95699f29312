import Foundation
import RetroCore

/// A section the team requires is missing.
public struct MissingSectionRule: Rule {
  public static let description = RuleDescription(
    identifier: "missing_section", name: "Missing Section",
    description: "A section the configuration requires (summary, impact, root causes, timeline, action items by default) is missing, and nothing in the report states its content elsewhere.",
    rationale: "Reviewers and later readers look for the same sections in every report; a missing one is usually work not yet done.",
    severity: .warning,
    triggeringExamples: [
      // No times anywhere, no word of a cause or a follow-up: three findings on the title.
      RuleExample("↓# Outage\n\n## Summary\n\nThe site was down.\n\n## Impact\n\n5% of users.\n"),
      // A heading a slip away from a section name: did you mean, at the heading.
      RuleExample(
        "# Outage\n\n## Summary\n\nx\n\n↓## Impcat\n\n5% of users.\n\n## Root causes\n\nx\n\n## Timeline\n\n- 10:00 x\n\n## Action items\n\n- x\n"),
    ],
    nonTriggeringExamples: [
      RuleExample("---\ntitle: x\n---\nThe cache cluster failed over twice on Tuesday and the API returned errors for most requests during twenty minutes before we restored it.\n\n## Impact\n\nx\n\n## Root causes\n\nx\n\n## Timeline\n\n- 10:00 x\n\n## Action items\n\n- x\n"),
      RuleExample("# Outage\n\n## Summary\n\nx\n\n## User impact\n\n5%\n\n## Contributing factors\n\nx\n\n## Timeline\n\n- 10:00 x\n\n## Follow-ups\n\n- x\n"),
      // Stated without their headings: the impact and the cause in the summary, the
      // timeline in prose, the follow-ups under a heading of the team's own.
      RuleExample(
        "# Outage\n\n## Summary\n\nAt 09:15 UTC a deploy broke DNS because of a typo; users could not resolve the site until 09:40.\n\n## Moving on\n\nWe will test DNS changes in staging.\n"),
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
      if report.has(kind) || report.sections.contains(where: { $0.reads(as: kind) }) { return nil }
      if kind == .lessonsLearned, report.sections.contains(where: { $0.kind.isLessonList }) { return nil }
      if let near = Self.nearMiss(of: kind, in: context) { return near }
      // Said under another heading, in the lead or in prose: not missing.
      if ContentSearch.line(of: kind, in: context) != nil { return nil }
      let accepted = context.configuration.vocabulary.phrases(for: kind)
        .filter { $0.lowercased() != kind.displayName.lowercased() }.prefix(4).map { "'\($0)'" }
      return Finding(
        "\(Self.absence(kind)); add a section headed '\(kind.displayName)' (also accepted: \(accepted.joined(separator: ", ")))",
        line: line, fix: context.fix { SectionSkeleton.fix(adding: kind, to: context) })
    }
  }

  /// What a report lacks when nothing in it states `kind`.
  static func absence(_ kind: SectionKind) -> String {
    switch kind {
    case .timeline: return "The report has no timeline and gives at most one time of day: when it started, was noticed and ended is not said"
    case .rootCauses: return "Nothing in the report says what caused the incident"
    case .impact: return "Nothing in the report says who or what was affected"
    case .actionItems: return "The report names no follow-up work"
    case .summary: return "The report has no summary and no opening paragraph"
    default: return "The report has no \(kind.displayName) section and says nothing of it elsewhere"
    }
  }

  /// A heading retro does not know that is a typing slip away from a name of `kind`
  /// (`## Impcat`): "did you mean", and a fix that renames it.
  static func nearMiss(of kind: SectionKind, in context: LintContext) -> Finding? {
    let phrases = context.configuration.vocabulary.phrases(for: kind) + [kind.displayName]
    // A slip of a section name has no digits and is among a report's first headings; the
    // bound keeps a document of 80,000 headings from costing a distance to each.
    let unknown = context.report.sections.lazy
      .filter { $0.kind == .custom && $0.foundBy == .heading && !$0.heading.contains(where: \.isNumber) }
      .prefix(200)
    for section in unknown {
      let typed = section.heading.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
      guard typed.count >= 4, typed.count <= 40, let meant = NearestName.suggestion(for: typed, among: phrases),
        meant.lowercased() != typed.lowercased()
      else { continue }
      let headingLine = section.range.start.line
      return Finding(
        "'\(section.heading)' is no section name retro knows, so the report reads as having no \(kind.displayName) section; did you mean '\(meant)'?",
        line: headingLine,
        fix: context.fix { Self.rename(line: headingLine, from: section.heading, to: meant, in: context) })
    }
    return nil
  }

  /// Replaces the heading's text on an ATX heading line.
  static func rename(line: Int, from heading: String, to name: String, in context: LintContext) -> Fix? {
    guard line >= 1, line <= context.sourceLines.count else { return nil }
    let text = String(context.sourceLines[line - 1])
    guard text.hasPrefix("#"), let range = text.range(of: heading) else { return nil }
    let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    let end = text.utf8.distance(from: text.startIndex, to: range.upperBound)
    return Fix("Rename the heading to '\(name)'", edits: [.replace(line: line, columns: start..<end, with: name)])
  }
}
