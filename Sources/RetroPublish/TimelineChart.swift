import Foundation
import RetroCore

/// An SVG chart of a timeline: events on a time axis, the start, detection, mitigation and
/// resolution marked, with time to detect and to resolve labelled. Entries without a
/// resolved instant are left off and counted in the caption, and so are entries more than a
/// week from the rest (a misread date would stretch the axis over months). Times are shown in
/// the zone most entries were written in, as the text beside the chart gives them (UTC when
/// none is named); labels of close milestones go on separate rows.
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
    let all = report.timeline.compactMap { entry in entry.instant.map { (entry, $0) } }
    guard !all.isEmpty else { return nil }
    // The middle of the incident, and what lies more than a week from it: left out.
    let sortedInstants = all.map(\.1).sorted()
    let middle = sortedInstants[sortedInstants.count / 2]
    let timed = all.filter { abs($0.1.timeIntervalSince(middle)) <= Self.outlierWindow }
    let far = all.count - timed.count
    guard let first = timed.map(\.1).min(), let last = timed.map(\.1).max() else { return nil }
    let span = max(last.timeIntervalSince(first), 60)
    let left = 40.0, right = width - 40, axis = 120.0
    func x(_ date: Date) -> Double { left + (right - left) * date.timeIntervalSince(first) / span }
    let zoneName = Self.zoneName(timed.map(\.0))
    let formatter = Self.ZoneLabel(withDay: span > 20 * 3600, zone: zoneName.flatMap(TimeZoneResolver.zone(named:)) ?? TimeZone(identifier: "UTC")!)
    let zoneText = zoneName ?? "UTC"
    // SVG is XML: what XML 1.0 cannot hold is made visible before the escapes.
    let esc = { (text: String) in HTMLRenderer.escape(XMLText.visible(text)) }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n"
    svg += "<title id=\"chart-title\">\(esc(title))</title>\n"
    let milestones = TimelineEventKind.allCases.compactMap { kind in
      timed.first { $0.0.kind == kind }.map { (kind, $0.1) }
    }
    let describe = milestones.map { "\($0.0.rawValue) at \(formatter.string(from: $0.1)) \(zoneText)" }.joined(separator: ", ")
    svg += "<desc id=\"chart-desc\">\(timed.count) timeline events between \(esc(formatter.string(from: first))) and \(esc(formatter.string(from: last))) \(esc(zoneText))\(describe.isEmpty ? "" : ": " + esc(describe)).</desc>\n"
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
    // Milestone labels, each on the lowest row where it overlaps no label already there.
    var rows: [[ClosedRange<Double>]] = [[], [], []]
    for (kind, date) in milestones {
      let mx = x(date)
      let anchor = mx > right - 60 ? "end" : (mx < left + 60 ? "start" : "middle")
      let textWidth = Double(kind.rawValue.count) * 7.5
      let from = anchor == "end" ? mx - textWidth : anchor == "start" ? mx : mx - textWidth / 2
      let extent = (from - 4)...(from + textWidth + 4)
      let row = rows.firstIndex { placed in !placed.contains { $0.overlaps(extent) } } ?? rows.count - 1
      rows[row].append(extent)
      let y = axis - 18 - Double(row) * 16
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
    var caption = "Timeline in \(zoneText): \(timed.count) of \(report.timeline.count) events placed"
    let unread = untimed - far
    if unread > 0 { caption += "; \(unread) without a time that could be read are listed in the text only" }
    if far > 0 { caption += "; \(far) dated more than a week from the rest (a misread date?) left out" }
    let zones = Set(report.timeline.compactMap(\.timeZone)).subtracting([zoneText])
    if !zones.isEmpty { caption += "; some times were given in \(zones.sorted().joined(separator: ", "))" }
    return Output(svg: svg, caption: caption + ".")
  }

  /// How far from the middle of the timeline an entry may lie and still be drawn.
  static let outlierWindow: TimeInterval = 7 * 24 * 3600

  /// The zone most entries were written in; nil when none names one.
  static func zoneName(_ entries: [TimelineEntry]) -> String? {
    let counts = entries.compactMap(\.timeZone).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
    return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
  }

  /// `14:05`, or `Mar 3 14:05` for a timeline over several days, in `zone`: what a
  /// `DateFormatter` with `en_US_POSIX` wrote, without making one for every chart.
  struct ZoneLabel {
    let withDay: Bool
    let zone: TimeZone
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func string(from date: Date) -> String {
      let p = ISO8601.utcParts(date.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: date))))
      func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
      let time = "\(two(p.hour)):\(two(p.minute))"
      return withDay ? "\(Self.months[p.month - 1]) \(p.day) \(time)" : time
    }
  }

  static func f(_ value: Double) -> String {
    String(format: "%.1f", value)
  }

}
