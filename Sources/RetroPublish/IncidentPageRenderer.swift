import Foundation
import RetroCore
import RetroIndex

/// Renders one incident's page (metadata, sections as safe HTML, SVG timeline, items).
/// Sendable, so pages render on every core.
struct IncidentPageRenderer: Sendable {
  var templates: PublishTemplates
  var internalSections: [String]
  var pageNames: PageNames

  /// `tracked`: the index's rows of this report's items by line, which carry the tracker's
  /// state (an item whose ticket is closed is done) and a policy's due date.
  func render(_ report: IncidentReport, card: IncidentCard, tracked: [Int: ActionItemRow] = [:]) throws -> String {
    let renderer = HTMLRenderer(headingOffset: 1)
    let sections = report.sections.filter { section in
      !internalSections.contains { $0 == section.kind.rawValue || HeadingVocabulary.normalise($0) == HeadingVocabulary.normalise(section.heading) }
    }
    let top = sections.map(\.level).min() ?? 2
    let sectionData: [[String: Any]] = sections.enumerated().map { index, section in
      [
        "heading": section.heading, "anchor": "s\(index + 1)-\(ReportTemplate.slug(section.heading))",
        "sub": section.level > top, "kind": section.kind.rawValue,
        "html": renderer.render(markdown: section.body),
      ]
    }
    let chart = TimelineChart().render(report, title: "Timeline of \(card.title)")
    func link(_ folder: String) -> (String) -> [String: Any] {
      { name in ["name": name, "href": pageNames.href(name, in: folder)] }
    }
    let data: [String: Any] = [
      "title": card.title, "date": card.date?.description ?? "undated", "severity": card.severity,
      "severityClass": IncidentCard.severityClass(card.severity), "status": card.status,
      "authors": report.authors.joined(separator: ", "), "root": "../",
      "hasServices": !report.services.isEmpty, "services": report.services.map(link("services")),
      "hasTags": !report.tags.isEmpty, "tags": report.tags.map(link("tags")),
      "timeToDetect": report.metrics.timeToDetect.map(DurationText.format) ?? "—",
      "timeToMitigate": report.metrics.timeToMitigate.map(DurationText.format) ?? "—",
      "timeToResolve": report.metrics.timeToResolve.map(DurationText.format) ?? "—",
      "hasChart": chart != nil, "timelineChart": chart?.svg ?? "", "chartCaption": chart?.caption ?? "",
      "sections": sectionData,
      "hasActions": !report.actionItems.isEmpty,
      "actions": report.actionItems.map { item -> [String: Any] in
        let row = tracked[item.line]
        // Keys with no value are left out: an empty string is a true section in Mustache,
        // which printed "due " with no date.
        var data: [String: Any] = ["text": item.text, "status": row?.status ?? item.status.rawValue]
        if !item.owners.isEmpty { data["owners"] = item.owners.joined(separator: ", ") }
        if let due = row?.due ?? item.due?.description { data["due"] = due + (row?.duePolicy == nil ? "" : " (by policy)") }
        if let tracker = row?.tracker { data["tracker"] = tracker }
        return data
      },
      "source": report.source,
    ]
    return try templates.render("site/incident", data)
  }

}
