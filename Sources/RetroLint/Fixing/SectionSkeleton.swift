import RetroCore

/// The fix for a missing section: its usual heading and one placeholder line (which
/// `placeholder_text` then reports), placed in the canonical order among the sections the
/// report has, at the level its other sections use.
enum SectionSkeleton {
  static func placeholder(for kind: SectionKind) -> String {
    switch kind {
    case .summary: return "TODO: what happened, in two or three sentences."
    case .impact: return "TODO: who was affected, how many, and for how long."
    case .rootCauses: return "TODO: why it happened; keep asking why past the first answer."
    case .trigger: return "TODO: what set it off."
    case .detection: return "TODO: how and when the team found out."
    case .resolution: return "TODO: what ended it."
    case .timeline: return "TODO: one line per event, each starting with its time."
    case .lessonsLearned, .wentWell, .wentWrong, .gotLucky: return "TODO: what the team learned."
    case .actionItems: return "TODO: one item per line, each with an owner and a ticket or a due date."
    case .custom: return "TODO"
    }
  }

  static func fix(adding kind: SectionKind, to context: LintContext) -> Fix? {
    guard kind != .custom else { return nil }
    let order = SectionKind.allCases
    let rank = { (k: SectionKind) in order.firstIndex(of: k) ?? order.count }
    // Sections under a Markdown heading; bold labels (`- **Impact**: …`) are read as sections
    // too, but a heading placed among them would split their list.
    let headed = context.report.sections.filter { section in
      let line = section.range.start.line
      guard section.level >= 1, section.level <= 6, section.foundBy == .heading, line >= 1,
        line <= context.sourceLines.count
      else { return false }
      let text = context.sourceLines[line - 1]
      return text.drop(while: { $0 == " " }).hasPrefix("#")
        || (line < context.sourceLines.count && context.sourceLines[line].allSatisfy { $0 == "=" || $0 == "-" }
          && !context.sourceLines[line].isEmpty)
    }
    let canonical = headed.filter { $0.kind != .custom && $0.within == nil }
    let level = canonical.map(\.level).min() ?? headed.map(\.level).min() ?? 2
    let heading = String(repeating: "#", count: max(level, 2)) + " " + kind.displayName
    let body = heading + "\n\n" + placeholder(for: kind) + "\n"
    let title = "Add \("AEIOU".contains(kind.displayName.first!) ? "an" : "a") \(kind.displayName) section"
    let lines = context.sourceLines
    if let next = canonical.first(where: { $0.level == level && rank($0.kind) > rank(kind) }) {
      let line = next.range.start.line
      let blankBefore = line <= 1 || lines[line - 2].allSatisfy { $0 == " " || $0 == "\t" }
      return Fix(title, edits: [.insert((blankBefore ? "" : "\n") + body + "\n", line: line)])
    }
    // At the end, after a blank line.
    let lead: String
    if lines.count <= 1 && (lines.first?.isEmpty ?? true) {
      lead = ""
    } else if lines.last?.isEmpty == false {
      lead = "\n\n"
    } else if lines.count >= 2 && lines[lines.count - 2].trimmingWhitespace().isEmpty {
      lead = ""
    } else {
      lead = "\n"
    }
    return Fix(title, edits: [.insert(lead + body, line: lines.count + 1)])
  }
}
