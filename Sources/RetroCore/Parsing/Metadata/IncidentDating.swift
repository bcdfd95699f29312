import Foundation

/// How a report's incident date is found and then checked against its own timeline.
///
/// A report states its date in many places: front matter (`incident_date:`), a `Date:`
/// line, the title, a heading that is only a date (`## 3.4.2020`), the first sentence
/// (`On 28th February, ...`). A blog post's front-matter `date` is when it was published,
/// which is usually days after the incident. Once the timeline is read, two checks follow:
/// a publication date the timeline starts before gives way to the timeline's first day, and
/// a stated date that no dated timeline entry comes near is taken for a slip, the day the
/// timeline says the incident started wins.
struct IncidentDating {
  /// Where the date in hand came from.
  enum Source: Equatable {
    /// The report names the incident's date (front matter, a label, the title, a heading,
    /// the opening sentence).
    case stated
    /// Only a front-matter `date`, which on a blog is the post's date.
    case postDate
    /// Only the file name (`2019-02-25-fleet.md`).
    case fileName
    case none
  }

  /// How far before a post's date its timeline may start and still be this incident.
  static let postWindowDays = 45
  /// How far from every dated entry a stated date must be to be taken for a slip.
  static let slipDays = 14

  /// A date in a heading before the report's first canonical section: the title heading
  /// wherever it is, or a heading that is a date (`## 3.4.2020`, `### May 16-June 30, 2023`,
  /// `## 2025-07-30/31 Hex Outage`). A month and day with no year take a year written in
  /// the same heading.
  static func openingHeadingDate(_ outline: Outline, order: DateOrder) -> CalendarDate? {
    outline.sections.prefix(3).prefix { $0.section.effectiveKind == .custom }.lazy
      .compactMap { date(in: InlineText.collapse($0.section.heading), order: order, fallbackYear: nil) }.first
  }

  /// The date in `text`, its year taken from a lone year elsewhere in it when the date has
  /// none (`Between November 11 and November 15, 2025`), else from `fallbackYear`, which is
  /// worked out only then.
  static func date(in text: some StringProtocol, order: DateOrder, fallbackYear: @autoclosure () -> Int?) -> CalendarDate? {
    guard let parts = TimeStampReader.findDate(in: text, dayMonth: true) else { return nil }
    return parts.resolve(order: order, fallbackYear: parts.year == nil ? (loneYear(in: text) ?? fallbackYear()) : nil)
  }

  /// The date in a title, a month and day with no year (`March 17th Incident`) in the
  /// post's year, or the year before when that would put the incident after the post.
  static func date(in text: some StringProtocol, order: DateOrder, before post: CalendarDate?) -> CalendarDate? {
    guard let parts = TimeStampReader.findDate(in: text, dayMonth: true) else { return nil }
    if let year = parts.year ?? loneYear(in: text) { return parts.resolve(order: order, fallbackYear: year) }
    guard let post, let found = parts.resolve(order: order, fallbackYear: post.year) else { return nil }
    return found > post ? parts.resolve(order: order, fallbackYear: post.year - 1) : found
  }

  /// The year most often written as a word of its own in `text` (1990–2099), first met on
  /// a tie: the year of a report whose dates name only months and days.
  static func commonYear(in text: some StringProtocol) -> Int? {
    var counts: [Int: Int] = [:]
    var order: [Int] = []
    forEachYear(in: text) { year in
      if counts[year] == nil { order.append(year) }
      counts[year, default: 0] += 1
    }
    var best: Int?
    for year in order where best == nil || counts[year]! > counts[best!]! { best = year }
    return best
  }

  private static func loneYear(in text: some StringProtocol) -> Int? {
    var found: Int?
    forEachYear(in: text) { year in if found == nil { found = year } }
    return found
  }

  private static func forEachYear(in text: some StringProtocol, _ body: (Int) -> Void) {
    let bytes = Array(text.utf8)
    func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
    func isWordByte(_ i: Int) -> Bool {
      guard i >= 0, i < bytes.count else { return false }
      let b = bytes[i]
      return isDigit(i) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
    var i = 0
    while i + 4 <= bytes.count {
      if isDigit(i), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isWordByte(i - 1), !isWordByte(i + 4),
        // Not part of a longer number, a time or a version (`10.2019.1`, `1:2019`).
        !(i > 0 && ".:/-".utf8.contains(bytes[i - 1]) && isDigit(i - 2)),
        !(i + 5 < bytes.count && ".:/".utf8.contains(bytes[i + 4]) && isDigit(i + 5))
      {
        let year = (0..<4).reduce(0) { $0 * 10 + Int(bytes[i + $1] - 0x30) }
        if (1990...2099).contains(year) { body(year) }
        i += 4
      } else {
        i += 1
      }
    }
  }

  /// The calendar day of an entry in its own zone.
  static func day(of entry: TimelineEntry) -> CalendarDate? {
    guard let instant = entry.instant else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = entry.timeZone.flatMap(TimeZoneResolver.zone(named:)) ?? TimeZone(secondsFromGMT: 0) ?? .current
    let parts = calendar.dateComponents([.year, .month, .day], from: instant)
    guard let y = parts.year, let m = parts.month, let d = parts.day else { return nil }
    return CalendarDate(year: y, month: m, day: d)
  }

  /// The incident's date once the timeline is known, or nil to keep `date`.
  ///
  /// - A post's date (`source == .postDate`) gives way to the first dated entry in the
  ///   `postWindowDays` before it: the post was written after the incident.
  /// - A stated date that no dated entry comes within `slipDays` of, in a timeline of two
  ///   or more dated entries, gives way to the first dated entry.
  static func reconciled(date: CalendarDate?, source: Source, timeline: [TimelineEntry]) -> CalendarDate? {
    guard let date else { return nil }
    let days = timeline.compactMap(day(of:))
    guard !days.isEmpty else { return nil }
    switch source {
    case .postDate:
      return days.first { $0 < date && $0.days(to: date) <= postWindowDays }
    case .stated, .fileName:
      guard days.count >= 2, !days.contains(where: { abs($0.days(to: date)) <= slipDays }) else { return nil }
      return days[0]
    case .none:
      return nil
    }
  }
}
