import RetroCore

/// The fix for a timeline without a zone: when the rest of the report names exactly one zone
/// (`at 14:02 UTC` in the summary, `All times PDT` in a lead-in), that zone written into the
/// Timeline heading: `## Timeline (UTC)`. A report naming two zones, or none, is left to its
/// author.
enum TimelineZoneHeading {
  static func fix(_ context: LintContext, timeline: Section) -> Fix? {
    guard timeline.foundBy == .heading, timeline.level >= 1, timeline.level <= 6 else { return nil }
    let headingLine = timeline.range.start.line
    guard headingLine >= 1, headingLine <= context.sourceLines.count else { return nil }
    let timelineLines = context.sections(.timeline).map(\.range.lines)
    var zones = Set<String>()
    for (number, line) in context.proseLines() where !timelineLines.contains(where: { $0.contains(number) }) {
      guard line.utf8.count >= 3, TimeZoneResolver.zoneMentioned(in: String(line)) != nil else { continue }
      // Word by word: a line may name two zones ('10:02 PDT, 17:02 UTC').
      for word in line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
        guard let zone = TimeZoneResolver.zoneMentioned(in: String(word)) else { continue }
        zones.insert(zone.count <= 5 ? zone.uppercased() : zone)
        if zones.count > 1 { return nil }
      }
    }
    guard let zone = zones.first else { return nil }
    // Before a closing `##` sequence, trailing spaces and a colon.
    let bytes = Array(context.sourceLines[headingLine - 1].utf8)
    guard bytes.first == UInt8(ascii: "#") else { return nil }
    var end = bytes.count
    func trimSpaces() { while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 } }
    trimSpaces()
    var hashes = end
    while hashes > 0, bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
    if hashes < end, hashes > 0, bytes[hashes - 1] == 0x20 {
      end = hashes
      trimSpaces()
    }
    if end > 0, bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
    return Fix("Write '(\(zone))' into the Timeline heading", edits: [.insert(" (\(zone))", line: headingLine, column: end)])
  }
}
