import RetroCore

/// A task box Markdown does not render as one.
public struct TaskListMarkerRule: Rule {
  public static let description = RuleDescription(
    identifier: "task_list_marker", name: "Task List Marker",
    description: "A list item starts with a task box Markdown does not render as a checkbox: '[]', '[*]' or '[✓]'.",
    rationale: "GitHub, GitLab and the blog show '[]' and '[*]' as text, not as a box; readers of the published report cannot see which items are done.",
    severity: .warning,
    triggeringExamples: [RuleExample("## Action items\n\n↓- [] Add an alert @ana\n↓- [*] Roll back @ben\n")],
    nonTriggeringExamples: [
      RuleExample("## Action items\n\n- [ ] Add an alert @ana\n- [x] Roll back @ben\n- [X] Page the team\n\n```\n- [] in code\n```\n")
    ],
    fixable: true)

  public init() {}

  /// Each malformed box and the one that keeps its meaning (the parser reads `[*]` and `[✓]`
  /// as done, `[]` as open), so fixing changes how it looks, not what it says.
  static let replacements: [String: String] = ["[]": "[ ]", "[*]": "[x]", "[✓]": "[x]"]

  public func validate(_ context: LintContext) -> [Finding] {
    var findings: [Finding] = []
    for (number, line) in context.proseLines() where line.utf8.contains(UInt8(ascii: "[")) {
      guard let item = ListItemLine(line), let box = item.box else { continue }
      let written = String(decoding: Array(line.utf8)[box], as: UTF8.self)
      guard let replacement = Self.replacements[written] else { continue }
      findings.append(
        Finding(
          "Task box '\(written)' is not a checkbox in Markdown; write '\(replacement)'", line: number,
          column: box.lowerBound + 1,
          fix: context.fix { Fix("Write the task box as '\(replacement)'", edits: [.replace(line: number, columns: box, with: replacement)]) }))
    }
    return findings
  }
}
