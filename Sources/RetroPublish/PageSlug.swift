import Foundation
import RetroCore

/// The name a report's page or post keeps however its title changes: the `slug:` the
/// author wrote, else its date and `id:`, else its file name (with the date in front when
/// the name has none). Only a title is left as the last resort, for a report read from
/// standard input.
public enum PageSlug {
  public static func name(for report: IncidentReport) -> String {
    if let written = report.frontMatter?["slug"]?.scalarText, !ReportTemplate.slug(written).isEmpty {
      return ReportTemplate.slug(written)
    }
    let stem = report.source == "-" ? "" : URL(fileURLWithPath: report.source).deletingPathExtension().lastPathComponent
    let base = [report.id, stem, report.title].lazy.compactMap { $0.map(ReportTemplate.slug) }.first { !$0.isEmpty } ?? "incident"
    guard let date = report.date, !startsWithDate(base) else { return base }
    return "\(date)-\(base)"
  }

  /// `2024-03-01-outage` starts with a day.
  public static func startsWithDate(_ name: String) -> Bool {
    name.utf8.count >= 10 && CalendarDate(iso: name.prefix(10)) != nil
  }

  /// The name without a leading day (`outage` of `2024-03-01-outage`), for a Jekyll post,
  /// whose file name puts the day in front itself.
  public static func undated(_ name: String) -> String {
    guard startsWithDate(name) else { return name }
    let rest = name.dropFirst(10).drop { $0 == "-" }
    return rest.isEmpty ? name : String(rest)
  }
}
