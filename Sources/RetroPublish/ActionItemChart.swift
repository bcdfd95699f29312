import Foundation
import RetroCore
import RetroIndex

/// An SVG chart of open versus closed action items, month by month: items count as opened in
/// the month of their incident and closed in the month they were first seen done.
public struct ActionItemChart: Sendable {
  public init() {}

  public func render(_ rows: [ActionItemRow], asOf: CalendarDate) -> (svg: String, caption: String)? {
    let opened = rows.compactMap { $0.reportDate.flatMap { CalendarDate(iso: $0) } ?? CalendarDate(iso: $0.firstSeenAt.prefix(10)) }
    guard let earliest = opened.min() else { return nil }
    var months: [(year: Int, month: Int)] = []
    var cursor = (earliest.year, earliest.month)
    while (cursor.0, cursor.1) <= (asOf.year, asOf.month) && months.count < 240 {
      months.append(cursor)
      cursor = cursor.1 == 12 ? (cursor.0 + 1, 1) : (cursor.0, cursor.1 + 1)
    }
    if months.count > 60 { months = Array(months.suffix(60)) }
    func endOf(_ m: (year: Int, month: Int)) -> CalendarDate {
      CalendarDate(year: m.year, month: m.month, day: CalendarDate.daysIn(month: m.month, year: m.year))!
    }
    // An item already done when first indexed has no closing date: it counts as closed from
    // its incident's date, the best that is known.
    let closedDates = rows.compactMap { row -> CalendarDate? in
      if let closed = row.closedAt.flatMap({ CalendarDate(iso: $0.prefix(10)) }) { return closed }
      guard row.status == "done" else { return nil }
      return row.reportDate.flatMap { CalendarDate(iso: $0) } ?? CalendarDate(iso: row.firstSeenAt.prefix(10))
    }
    let series = months.map { month -> (open: Int, closed: Int) in
      let end = endOf(month)
      let openedSoFar = opened.filter { $0 <= end }.count
      let closedSoFar = closedDates.filter { $0 <= end }.count
      return (max(0, openedSoFar - closedSoFar), closedSoFar)
    }
    // The legend sits above the plot (it covered the line's top), and the last month's label
    // ends at the right edge instead of running past it.
    let width = 760.0, height = 234.0, left = 44.0, right = width - 16, top = 34.0, bottom = height - 36
    let peak = Double(max(1, series.map { max($0.open, $0.closed) }.max() ?? 1))
    func x(_ i: Int) -> Double { months.count == 1 ? (left + right) / 2 : left + (right - left) * Double(i) / Double(months.count - 1) }
    func y(_ v: Int) -> Double { bottom - (bottom - top) * Double(v) / peak }
    func line(_ values: [Int]) -> String { values.enumerated().map { "\(TimelineChart.f(x($0.offset))),\(TimelineChart.f(y($0.element)))" }.joined(separator: " ") }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"actions-title actions-desc\">\n"
    svg += "<title id=\"actions-title\">Open and closed action items by month</title>\n"
    let latest = series.last ?? (0, 0)
    svg += "<desc id=\"actions-desc\">At the end of the last month, \(latest.open) items open and \(latest.closed) closed.</desc>\n"
    svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(right)\" y2=\"\(bottom)\" stroke=\"currentColor\"/>\n"
    svg += "<text x=\"\(left - 6)\" y=\"\(TimelineChart.f(top + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"currentColor\">\(Int(peak))</text>\n"
    svg += "<text x=\"\(left - 6)\" y=\"\(TimelineChart.f(bottom))\" font-size=\"11\" text-anchor=\"end\" fill=\"currentColor\">0</text>\n"
    let labelEvery = max(1, months.count / 6)
    for (index, month) in months.enumerated()
    where index % labelEvery == 0 || (index == months.count - 1 && index % labelEvery >= labelEvery / 2) {
      let anchor = index == months.count - 1 && months.count > 1 ? "end" : index == 0 && months.count > 1 ? "start" : "middle"
      svg += "<text x=\"\(TimelineChart.f(x(index)))\" y=\"\(TimelineChart.f(bottom + 18))\" font-size=\"11\" text-anchor=\"\(anchor)\" fill=\"currentColor\">\(String(format: "%04d-%02d", month.year, month.month))</text>\n"
    }
    svg += "<polyline points=\"\(line(series.map(\.open)))\" fill=\"none\" stroke=\"#c2570c\" stroke-width=\"2.5\"/>\n"
    svg += "<polyline points=\"\(line(series.map(\.closed)))\" fill=\"none\" stroke=\"#2e6b3a\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>\n"
    svg += "<text x=\"\(right - 110)\" y=\"14\" font-size=\"12\" text-anchor=\"end\" fill=\"#c2570c\">open (solid)</text>\n"
    svg += "<text x=\"\(right)\" y=\"14\" font-size=\"12\" text-anchor=\"end\" fill=\"#2e6b3a\">closed (dashed)</text>\n"
    svg += "</svg>"
    return (svg, "Open (solid) and closed (dashed) action items at the end of each month; \(latest.open) open and \(latest.closed) closed at the end of the last month.")
  }
}
