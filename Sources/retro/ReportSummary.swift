import Foundation
import RetroCore

/// The terminal summary `retro show` prints for one report. Every value from the report goes
/// through `shown`, so its control characters are visible text, never terminal commands.
struct ReportSummary {
  let report: IncidentReport
  let style: TerminalStyle

  init(report: IncidentReport, color: Bool) {
    self.report = report
    self.style = TerminalStyle(enabled: color)
  }

  func render() -> String {
    var out = ""
    out += style.bold(shown(report.title ?? "(untitled)")) + "\n"
    out += style.dim(shown(report.source)) + "\n"
    var facts: [String] = []
    facts.append("date " + (report.date?.description ?? "unknown"))
    if let published = report.publishedDate { facts.append("published \(published)") }
    facts.append("severity " + shown(report.severity ?? "unknown"))
    facts.append("status " + shown(report.status ?? "unknown"))
    out += facts.joined(separator: " · ") + "\n"
    if !report.authors.isEmpty { out += "authors: " + shown(report.authors.joined(separator: ", ")) + "\n" }
    if !report.services.isEmpty { out += "services: " + shown(report.services.joined(separator: ", ")) + "\n" }
    if !report.tags.isEmpty { out += "tags: " + shown(report.tags.joined(separator: ", ")) + "\n" }

    out += "\n" + style.bold("Sections") + "\n"
    let canonical: [SectionKind] = [
      .summary, .impact, .rootCauses, .trigger, .detection, .resolution, .timeline,
      .lessonsLearned, .wentWell, .wentWrong, .gotLucky, .actionItems,
    ]
    for kind in canonical {
      if let section = report.section(kind) {
        out += "  " + style.green("✓") + " \(kind.displayName)" + style.dim(" (\"\(shown(section.heading))\", line \(section.range.start.line))") + "\n"
      } else {
        out += "  " + style.red("✗") + " \(kind.displayName)\n"
      }
    }
    let custom = report.sections.filter { $0.kind == .custom && $0.within == nil }
    if !custom.isEmpty {
      out += "  other: " + shown(custom.map(\.heading).joined(separator: ", ")) + "\n"
    }

    out += "\n" + style.bold("Timeline") + " (\(report.timeline.count) entries)\n"
    let start = report.timeline.compactMap(\.instant).first
    for entry in report.timeline {
      let offset: String
      if let instant = entry.instant, let start {
        offset = Self.offset(instant.timeIntervalSince(start))
      } else {
        offset = "      ?"
      }
      let kind = entry.kind.map { style.yellow(" [\($0.rawValue)]") } ?? ""
      let time = entry.timeText.isEmpty ? "—" : shown(entry.timeText)
      out += "  \(offset)  \(time)\(kind) \(Self.truncate(shown(entry.text), 90))" + style.dim("  :\(entry.line)") + "\n"
    }
    let metrics = report.metrics
    out += "  time to detect \(DurationText.format(metrics.timeToDetect)) · mitigate \(DurationText.format(metrics.timeToMitigate)) · resolve \(DurationText.format(metrics.timeToResolve))\n"

    out += "\n" + style.bold("Lessons") + "\n"
    out += "  went well \(report.lessons.wentWell.count) · went wrong \(report.lessons.wentWrong.count) · got lucky \(report.lessons.gotLucky.count)\n"

    let open = report.actionItems.filter { $0.status == .open }.count
    out += "\n" + style.bold("Action items") + " (\(report.actionItems.count), \(open) open)\n"
    for item in report.actionItems {
      let box = item.status == .done ? style.green("[x]") : "[ ]"
      var details: [String] = []
      if !item.owners.isEmpty { details.append(shown(item.owners.joined(separator: ", "))) }
      if let due = item.due { details.append("due \(due)") }
      if !item.tickets.isEmpty { details.append(shown(item.tickets.prefix(2).joined(separator: " "))) }
      if let priority = item.priority { details.append(shown(priority)) }
      let suffix = details.isEmpty ? "" : style.dim(" — " + details.joined(separator: " · "))
      out += "  \(box) \(style.dim(shown(item.id))) \(Self.truncate(shown(item.text), 80))\(suffix)\n"
    }
    for warning in report.warnings {
      out += style.yellow("warning") + ": line \(warning.line ?? 0): \(shown(warning.message))\n"
    }
    return out
  }

  private func shown(_ text: String) -> String {
    VisibleText.escape(text)
  }

  static func truncate(_ text: String, _ length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
  }

  /// `+1h30m` style offsets, right-aligned.
  static func offset(_ seconds: TimeInterval) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let total = Int(abs(seconds)) / 60
    let text = total >= 60 * 24 ? "\(sign)\(total / 1440)d\(total % 1440 / 60)h" : total >= 60 ? "\(sign)\(total / 60)h\(String(format: "%02d", total % 60))m" : "\(sign)\(total)m"
    return String(repeating: " ", count: max(0, 7 - text.count)) + text
  }

}
