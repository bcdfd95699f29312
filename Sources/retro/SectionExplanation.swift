import RetroCore

/// What `retro show --explain` prints for one report: each section with the kind chosen and
/// the evidence for it (the heading's scores, the content cues, the parent it subdivides).
struct SectionExplanation {
  let report: IncidentReport
  let style: TerminalStyle

  func render() -> String {
    // Report text is escaped (`VisibleText`): headings may hold control characters.
    var out = style.bold(VisibleText.escape(report.title ?? "(untitled)")) + "\n" + style.dim(VisibleText.escape(report.source)) + "\n"
    if report.sections.isEmpty { return out + "  no sections\n" }
    for section in report.sections {
      let indent = String(repeating: "  ", count: max(0, section.level - 1))
      var kind = section.kind.rawValue
      if !section.alsoKinds.isEmpty { kind += "+" + section.alsoKinds.map(\.rawValue).joined(separator: "+") }
      if section.kind == .custom, let within = section.within { kind += " (within \(within.rawValue))" }
      let by: String
      switch section.foundBy {
      case .heading: by = "by heading"
      case .content: by = "by content"
      case .parent: by = "subdivides \(section.within?.rawValue ?? "its parent")"
      }
      out += "  \(String(section.range.start.line).leftPadded(5)) \(indent)\(VisibleText.escape(section.heading))\n"
      out += "        \(indent)→ " + (section.kind == .custom ? kind : style.green(kind)) + style.dim(" \(by); \(VisibleText.escape(section.explanation))") + "\n"
    }
    out += "  timeline \(report.timeline.count) entries · action items \(report.actionItems.count)\n"
    return out
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
