import Foundation
import RetroCore

/// An SVG chart of a timeline: events on a time axis, the start, detection, mitigation and
/// resolution marked, with time to detect and to resolve labelled. Entries without a
/// resolved instant are left off and counted in the caption. Times are shown in UTC, which is
/// what every instant is once its zone (stated or default) has been applied.
public struct TimelineChart: Sendable {
  public var width = 760.0
  public var height = 190.0

  public init() {}

  public struct Output: Sendable {
    public var svg: String
    public var caption: String
  }

  static let colors: [TimelineEventKind: String] = [
    .start: "#c2570c", .detected: "#1f5fbf", .mitigated: "#8a6d00", .resolved: "#2e6b3a",
  ]

  public func render(_ report: IncidentReport, title: String) -> Output? {
    let timed = report.timeline.compactMap { entry in entry.instant.map { (entry, $0) } }
    guard timed.count >= 1, let first = timed.map(\.1).min(), let last = timed.map(\.1).max() else { return nil }
    let span = max(last.timeIntervalSince(first), 60)
    let left = 40.0, right = width - 40, axis = 120.0
    func x(_ date: Date) -> Double { left + (right - left) * date.timeIntervalSince(first) / span }
    let formatter = Self.UTCLabel(withDay: span > 20 * 3600)
    // SVG is XML: what XML 1.0 cannot hold is made visible before the escapes.
    let esc = { (text: String) in HTMLRenderer.escape(XMLText.visible(text)) }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n"
    svg += "<title id=\"chart-title\">\(esc(title))</title>\n"
    let milestones = TimelineEventKind.allCases.compactMap { kind in
      timed.first { $0.0.kind == kind }.map { (kind, $0.1) }
    }
    let describe = milestones.map { "\($0.0.rawValue) at \(formatter.string(from: $0.1)) UTC" }.joined(separator: ", ")
    svg += "<desc id=\"chart-desc\">\(timed.count) timeline events between \(esc(formatter.string(from: first))) and \(esc(formatter.string(from: last))) UTC\(describe.isEmpty ? "" : ": " + esc(describe)).</desc>\n"
    svg += "<line x1=\"\(left)\" y1=\"\(axis)\" x2=\"\(right)\" y2=\"\(axis)\" stroke=\"currentColor\" stroke-width=\"1.5\"/>\n"
    // Ticks: five evenly spaced labels.
    for step in 0...4 {
      let date = first.addingTimeInterval(span * Double(step) / 4)
      let tx = x(date)
      svg += "<line x1=\"\(Self.f(tx))\" y1=\"\(axis)\" x2=\"\(Self.f(tx))\" y2=\"\(axis + 5)\" stroke=\"currentColor\"/>"
      svg += "<text x=\"\(Self.f(tx))\" y=\"\(axis + 20)\" font-size=\"11\" text-anchor=\"middle\" fill=\"currentColor\">\(esc(formatter.string(from: date)))</text>\n"
    }
    for (entry, date) in timed {
      let color = entry.kind.flatMap { Self.colors[$0] } ?? "#7a8590"
      svg += "<circle cx=\"\(Self.f(x(date)))\" cy=\"\(axis)\" r=\"\(entry.kind == nil ? 3.5 : 6)\" fill=\"\(color)\"><title>\(esc(entry.timeText)) \(esc(entry.text))</title></circle>\n"
    }
    // Milestone labels, staggered so neighbours do not overlap.
    for (index, (kind, date)) in milestones.enumerated() {
      let mx = x(date)
      let y = axis - 18 - Double(index % 2) * 16
      let anchor = mx > right - 60 ? "end" : (mx < left + 60 ? "start" : "middle")
      svg += "<text x=\"\(Self.f(mx))\" y=\"\(Self.f(y))\" font-size=\"12\" font-weight=\"600\" text-anchor=\"\(anchor)\" fill=\"\(Self.colors[kind] ?? "currentColor")\">\(kind.rawValue)</text>\n"
    }
    // Brackets for time to detect and time to resolve, measured from the start.
    let start = milestones.first { $0.0 == .start }?.1 ?? first
    var bracketY = 30.0
    for (label, seconds) in [("time to detect", report.metrics.timeToDetect), ("time to resolve", report.metrics.timeToResolve)] {
      guard let seconds, seconds > 0 else { continue }
      let x1 = x(start), x2 = x(start.addingTimeInterval(seconds))
      svg += "<path d=\"M\(Self.f(x1)) \(Self.f(bracketY + 6)) V\(Self.f(bracketY)) H\(Self.f(x2)) V\(Self.f(bracketY + 6))\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1\"/>"
      svg += "<text x=\"\(Self.f((x1 + x2) / 2))\" y=\"\(Self.f(bracketY - 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"currentColor\">\(label) \(DurationText.format(seconds))</text>\n"
      bracketY += 24
    }
    svg += "</svg>"
    let untimed = report.timeline.count - timed.count
    var caption = "Timeline in UTC: \(timed.count) of \(report.timeline.count) events placed"
    if untimed > 0 { caption += "; \(untimed) without a time that could be read are listed in the text only" }
    let zones = Set(report.timeline.compactMap(\.timeZone))
    if !zones.isEmpty { caption += "; times were given in \(zones.sorted().joined(separator: ", "))" }
    return Output(svg: svg, caption: caption + ".")
  }

  /// `14:05`, or `Mar 3 14:05` for a timeline over several days, in UTC: what a
  /// `DateFormatter` with `en_US_POSIX` wrote, without making one for every chart.
  struct UTCLabel {
    let withDay: Bool
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func string(from date: Date) -> String {
      let p = ISO8601.utcParts(date)
      func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
      let time = "\(two(p.hour)):\(two(p.minute))"
      return withDay ? "\(Self.months[p.month - 1]) \(p.day) \(time)" : time
    }
  }

  static func f(_ value: Double) -> String {
    String(format: "%.1f", value)
  }

}
