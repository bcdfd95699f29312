import Foundation
import RetroCore
import RetroIndex

/// The SVG charts of the site's Trends page, drawn from `IncidentTrends`: incidents per
/// period (bars), time to resolve per period (median and p90 points joined by a line; periods
/// without figures leave a gap), open action items at each period's end (a line), and causes
/// by category (horizontal bars). Colours are classes the site's style sheet sets for light
/// and dark (`.trend-bar`, `.trend-line`, `.trend-p90`), text is `currentColor`, so the page
/// follows the reader's colour scheme; each chart has a title and a description for screen
/// readers, and every value is in the table beside it.
public struct TrendsChart: Sendable {
  public init() {}

  static let width = 760.0, height = 230.0, left = 52.0, right = 744.0, top = 22.0, bottom = 184.0

  static func f(_ value: Double) -> String { TimelineChart.f(value) }

  static func open(_ id: String, title: String, description: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
      + "<title id=\"\(id)-title\">\(HTMLRenderer.escape(title))</title>\n<desc id=\"\(id)-desc\">\(HTMLRenderer.escape(description))</desc>\n"
  }

  /// The axis line, the top value and zero, and period labels that do not run into each
  /// other (at most one every 70 px; the last always).
  static func axes(_ labels: [String], x: (Int) -> Double, peak: String) -> String {
    var svg = "<line class=\"trend-axis\" x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(right)\" y2=\"\(bottom)\" stroke=\"currentColor\"/>\n"
    svg += "<text x=\"\(left - 6)\" y=\"\(f(top + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"currentColor\">\(HTMLRenderer.escape(peak))</text>\n"
    svg += "<text x=\"\(left - 6)\" y=\"\(f(bottom))\" font-size=\"11\" text-anchor=\"end\" fill=\"currentColor\">0</text>\n"
    let every = max(1, Int((70.0 / max(1, (right - left) / Double(max(1, labels.count)))).rounded(.up)))
    for (index, label) in labels.enumerated() {
      let last = index == labels.count - 1
      guard last || (index % every == 0 && labels.count - 1 - index >= every) else { continue }
      let anchor = last && labels.count > 1 ? "end" : index == 0 && labels.count > 1 ? "start" : "middle"
      svg += "<text x=\"\(f(x(index)))\" y=\"\(f(bottom + 18))\" font-size=\"11\" text-anchor=\"\(anchor)\" fill=\"currentColor\">\(HTMLRenderer.escape(label))</text>\n"
    }
    return svg
  }

  /// Incidents per period, as bars.
  public func incidents(_ t: IncidentTrends) -> String {
    let rows = t.rows
    let peak = max(1, rows.map(\.incidents).max() ?? 1)
    let slot = (Self.right - Self.left) / Double(max(1, rows.count))
    func x(_ i: Int) -> Double { Self.left + slot * (Double(i) + 0.5) }
    let total = rows.reduce(0) { $0 + $1.incidents }
    var svg = Self.open("trend-incidents", title: "Incidents per \(t.period.rawValue)", description: "\(total) incidents over \(rows.count) \(t.period.rawValue)s; the most in one \(t.period.rawValue): \(peak).")
    for (index, row) in rows.enumerated() where row.incidents > 0 {
      let h = (Self.bottom - Self.top) * Double(row.incidents) / Double(peak)
      svg += "<rect class=\"trend-bar\" x=\"\(Self.f(x(index) - slot * 0.35))\" y=\"\(Self.f(Self.bottom - h))\" width=\"\(Self.f(slot * 0.7))\" height=\"\(Self.f(h))\"><title>\(HTMLRenderer.escape(row.period)): \(row.incidents)</title></rect>\n"
    }
    svg += Self.axes(rows.map(\.period), x: x, peak: String(peak))
    return svg + "</svg>"
  }

  /// Time to resolve per period: the median as a line, p90 as points above it.
  public func timeToResolve(_ t: IncidentTrends) -> String? {
    let rows = t.rows
    let values = rows.map { ($0.timeToResolve.median, $0.timeToResolve.p90) }
    guard let peakSeconds = values.compactMap({ $0.1 ?? $0.0 }).max(), peakSeconds > 0 else { return nil }
    let slot = (Self.right - Self.left) / Double(max(1, rows.count))
    func x(_ i: Int) -> Double { Self.left + slot * (Double(i) + 0.5) }
    func y(_ seconds: Double) -> Double { Self.bottom - (Self.bottom - Self.top) * seconds / peakSeconds }
    let medians = values.compactMap(\.0)
    let overall = IncidentStats.percentile(medians, 0.5)
    var svg = Self.open(
      "trend-resolve", title: "Time to resolve per \(t.period.rawValue)",
      description: "Median time to resolve of each \(t.period.rawValue)'s incidents (line) and p90 (points); the median of the medians is \(DurationText.format(overall)).")
    // The line breaks where a period has no figure: a gap, not a fall to zero.
    var segment: [String] = []
    func flush() {
      if segment.count > 1 { svg += "<polyline class=\"trend-line\" points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke-width=\"2.5\"/>\n" }
      segment = []
    }
    for (index, value) in values.enumerated() {
      guard let median = value.0 else {
        flush()
        continue
      }
      segment.append("\(Self.f(x(index))),\(Self.f(y(median)))")
      svg += "<circle class=\"trend-point\" cx=\"\(Self.f(x(index)))\" cy=\"\(Self.f(y(median)))\" r=\"3.5\"><title>\(HTMLRenderer.escape(rows[index].period)): median \(DurationText.format(median))</title></circle>\n"
      if let p90 = value.1, p90 > median {
        svg += "<circle class=\"trend-p90\" cx=\"\(Self.f(x(index)))\" cy=\"\(Self.f(y(p90)))\" r=\"3\"><title>\(HTMLRenderer.escape(rows[index].period)): p90 \(DurationText.format(p90))</title></circle>\n"
      }
    }
    flush()
    svg += Self.axes(rows.map(\.period), x: x, peak: DurationText.format(peakSeconds))
    return svg + "</svg>"
  }

  /// Action items open at each period's end.
  public func openItems(_ t: IncidentTrends) -> String? {
    let rows = t.rows
    guard rows.contains(where: { $0.openAtEnd > 0 || $0.itemsClosed > 0 }) else { return nil }
    let peak = max(1, rows.map(\.openAtEnd).max() ?? 1)
    let slot = (Self.right - Self.left) / Double(max(1, rows.count))
    func x(_ i: Int) -> Double { Self.left + slot * (Double(i) + 0.5) }
    func y(_ v: Int) -> Double { Self.bottom - (Self.bottom - Self.top) * Double(v) / Double(peak) }
    let last = rows.last?.openAtEnd ?? 0
    var svg = Self.open(
      "trend-open", title: "Open action items at the end of each \(t.period.rawValue)",
      description: "\(last) open at the end of the last \(t.period.rawValue); the most at one \(t.period.rawValue)'s end: \(peak).")
    let points = rows.enumerated().map { "\(Self.f(x($0.offset))),\(Self.f(y($0.element.openAtEnd)))" }
    if points.count == 1 {
      svg += "<circle class=\"trend-point\" cx=\"\(Self.f(x(0)))\" cy=\"\(Self.f(y(rows[0].openAtEnd)))\" r=\"3.5\"/>\n"
    } else {
      svg += "<polyline class=\"trend-line\" points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke-width=\"2.5\"/>\n"
    }
    svg += Self.axes(rows.map(\.period), x: x, peak: String(peak))
    return svg + "</svg>"
  }

  /// Causes by category, as horizontal bars with their counts.
  public func causes(_ t: IncidentTrends) -> String? {
    guard !t.causes.isEmpty else { return nil }
    let rowHeight = 26.0
    let height = Double(t.causes.count) * rowHeight + 16
    let labelWidth = 190.0
    let peak = Double(t.causes.map(\.count).max() ?? 1)
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\" aria-labelledby=\"trend-causes-title trend-causes-desc\">\n"
    svg += "<title id=\"trend-causes-title\">Causes by category</title>\n"
    let most = t.causes[0]
    svg += "<desc id=\"trend-causes-desc\">\(HTMLRenderer.escape("Reports per cause category; the most: \(most.key), \(most.count)."))</desc>\n"
    for (index, cause) in t.causes.enumerated() {
      let y = 8 + Double(index) * rowHeight
      let w = (Self.width - labelWidth - 60) * Double(cause.count) / peak
      svg += "<text x=\"\(Self.f(labelWidth - 8))\" y=\"\(Self.f(y + 16))\" font-size=\"13\" text-anchor=\"end\" fill=\"currentColor\">\(HTMLRenderer.escape(VisibleText.escape(cause.key)))</text>\n"
      svg += "<rect class=\"trend-bar\" x=\"\(Self.f(labelWidth))\" y=\"\(Self.f(y + 3))\" width=\"\(Self.f(max(1, w)))\" height=\"\(Self.f(rowHeight - 8))\"/>\n"
      svg += "<text x=\"\(Self.f(labelWidth + w + 6))\" y=\"\(Self.f(y + 16))\" font-size=\"12\" fill=\"currentColor\">\(cause.count)</text>\n"
    }
    return svg + "</svg>"
  }
}
