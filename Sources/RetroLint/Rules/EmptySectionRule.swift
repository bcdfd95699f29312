import RetroCore

/// A canonical section with nothing under it.
public struct EmptySectionRule: Rule {
  public static let description = RuleDescription(
    identifier: "empty_section", name: "Empty Section",
    description: "A section has a heading but no content.",
    rationale: "An empty heading looks finished at a glance and hides that the part was never written.",
    severity: .warning,
    triggeringExamples: [RuleExample("# Outage\n\n## Summary\n\nDown.\n\n↓## Impact\n\n## Timeline\n\n- 10:00 x\n")],
    nonTriggeringExamples: [
      RuleExample("# Outage\n\n## Impact\n\nFive users.\n"),
      RuleExample("# Outage\n\n## Lessons learned\n\n### What went well\n\n- x\n"),
    ])

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let sections = context.report.sections
    return sections.indices.compactMap { index in
      let section = sections[index]
      guard section.kind != .custom else { return nil }
      // Anything but blank lines and HTML comments is content; most bodies show it at once.
      // Lines are taken one at a time: the first with content ends the search.
      var hasContent = false
      var rest = Substring(section.body)
      while !hasContent, !rest.isEmpty {
        let end = rest.firstIndex(of: "\n") ?? rest.endIndex
        let t = rest[..<end].trimmingWhitespace()
        hasContent = !t.isEmpty && !(t.hasPrefix("<!--") && t.hasSuffix("-->"))
        rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
      }
      guard !hasContent else { return nil }
      // A parent whose sub-sections hold the content is not empty.
      if index + 1 < sections.count, sections[index + 1].level > section.level { return nil }
      return Finding("The \(section.kind.displayName) section '\(section.heading)' is empty", line: section.range.start.line)
    }
  }
}

import Foundation
