import Foundation

/// Finds metadata written in the body: bold key/value lines (`**Severity:** SEV2`), plain
/// `Key: value` lines, key/value tables, headings used as labels (`# Date`, `## Owner: @x`),
/// and the date in a title such as `Incident retrospective 25/02/2019`.
struct MetadataExtractor {
  private(set) var values: [MetadataLabel: String] = [:]

  mutating func read(preamble: [MarkdownNode], sections: [OutlineSection]) {
    for block in preamble { read(block) }
    for (index, outlined) in sections.enumerated() {
      let heading = outlined.section.heading
      if let colon = heading.firstIndex(of: ":"), let label = MetadataLabel(key: String(heading[..<colon])) {
        let value = heading[heading.index(after: colon)...].trimmingWhitespace()
        if !value.isEmpty { set(label, value) }
      }
      if let label = MetadataLabel(key: heading), outlined.section.kind == .custom {
        let value = outlined.blocks.first.map { InlineText.collapse($0.plainText) } ?? ""
        if !value.isEmpty { set(label, value) }
        continue
      }
      let normalised = HeadingVocabulary.normalise(heading)
      if outlined.section.kind == .custom && (normalised == "metadata" || normalised.contains("details") || normalised.contains("info"))
        || index == 0 || outlined.section.kind == .summary || outlined.section.kind == .impact
      {
        for block in outlined.blocks.prefix(6) { read(block) }
      }
    }
  }

  private mutating func set(_ label: MetadataLabel, _ value: String) {
    let cleaned = InlineText.collapse(value).trimmingCharacters(in: CharacterSet(charactersIn: " *_`"))
    if values[label] == nil, !cleaned.isEmpty { values[label] = cleaned }
  }

  private mutating func read(_ block: MarkdownNode) {
    switch block.kind {
    case .paragraph:
      for line in block.plainText.splitASCII(separator: "\n") { readLine(line) }
    case .list:
      for item in block.children {
        if let first = item.children.first { readLine(Substring(first.plainText.splitASCII(separator: "\n").first ?? "")) }
      }
    case .table:
      readTable(block)
    default:
      break
    }
  }

  private mutating func readLine(_ line: Substring) {
    guard let colon = line.firstIndex(of: ":") else { return }
    let key = line[..<colon]
    guard key.count <= 40, key.countASCIISplit(separator: " ") <= 4, let label = MetadataLabel(key: String(key)) else { return }
    let value = line[line.index(after: colon)...]
    set(label, String(value))
  }

  private mutating func readTable(_ table: MarkdownNode) {
    let rows = table.children.map { row in row.children.map { InlineText.collapse($0.plainText) } }
    guard let header = rows.first else { return }
    // Keys across the header, values in the first row.
    if rows.count >= 2, header.contains(where: { MetadataLabel(key: $0) != nil }) {
      for (index, key) in header.enumerated() {
        if let label = MetadataLabel(key: key), index < rows[1].count { set(label, rows[1][index]) }
      }
      return
    }
    // Keys down the first column.
    for row in rows where row.count >= 2 {
      if let label = MetadataLabel(key: row[0]) { set(label, row[1]) }
    }
  }
}
