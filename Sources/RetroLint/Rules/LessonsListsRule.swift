import RetroCore

/// No went-well or no went-wrong list.
public struct LessonsListsRule: Rule {
  public static let description = RuleDescription(
    identifier: "lessons_incomplete", name: "Lessons Incomplete",
    description: "The report has no 'What went well' list or no 'What went wrong' list.",
    rationale: "Both halves teach: what went well is what to keep doing, what went wrong is what to change.",
    severity: .warning,
    triggeringExamples: [RuleExample("# Outage\n\n↓## Lessons learned\n\n### What went wrong\n\n- Slow alert\n")],
    nonTriggeringExamples: [
      RuleExample("# Outage\n\n## What went well\n\n- Fast rollback\n\n## What went poorly\n\n- Slow alert\n"),
    ], tier: .convention)

  public init() {}

  public func validate(_ context: LintContext) -> [Finding] {
    let report = context.report
    let line = report.section(.lessonsLearned)?.range.start.line ?? report.section(.wentWell)?.range.start.line
      ?? report.section(.wentWrong)?.range.start.line ?? 1
    var findings: [Finding] = []
    if report.lessons.wentWell.isEmpty {
      findings.append(Finding("The lessons have no 'What went well' list", line: line))
    }
    if report.lessons.wentWrong.isEmpty {
      findings.append(Finding("The lessons have no 'What went wrong' list", line: line))
    }
    return findings
  }
}
