import RetroCore

/// The outline by canonical section: each section named by its heading, with the kind retro
/// read it as; the timeline's events and the action items inside theirs.
struct SymbolProvider {
  var analysis: DocumentAnalysis
  var document: OpenDocument
  var encoding: PositionEncoding

  // LSP SymbolKind values.
  static let namespace = 3, field = 8, string = 15, event = 24

  /// Linear in the sections, entries and items: each section's end is found with one pass
  /// over a stack, and the tree is put together once at the end (adding each child to its
  /// parent's JSON as it came copied the parent's list every time, quadratic for a document
  /// of thousands of sections under one heading).
  func symbols() -> JSON {
    guard let report = analysis.context?.report else { return [] }
    let sections = report.sections
    // Where each section ends: the line before the next section at its level or shallower.
    var nextStart = [Int?](repeating: nil, count: sections.count)
    var open: [Int] = []
    for (index, section) in sections.enumerated() {
      while let last = open.last, sections[last].level >= section.level {
        nextStart[last] = section.range.start.line
        open.removeLast()
      }
      open.append(index)
    }
    // The timeline is in time order; the outline walks both lists in line order.
    var entries = report.timeline.sorted { $0.line < $1.line }[...]
    var items = report.actionItems.sorted { $0.line < $1.line }[...]
    var nodes: [[String: JSON]] = []
    var children: [[JSON]] = []
    var subsections: [[Int]] = []
    var roots: [Int] = []
    var parents: [(level: Int, index: Int)] = []
    for (index, section) in sections.enumerated() {
      let endLine = max(section.range.start.line, (nextStart[index] ?? document.lines.count + 1) - 1, section.bodyLines?.upperBound ?? 0)
      let lines = section.range.start.line...endLine
      // Sections arrive in document order; a deeper one nests in the last shallower one.
      while let last = parents.last, last.level >= section.level { parents.removeLast() }
      if let parent = parents.last { subsections[parent.index].append(index) } else { roots.append(index) }
      parents.append((section.level, index))
      nodes.append(
        symbol(
          name: section.heading.isEmpty ? section.kind.displayName : section.heading,
          detail: section.effectiveKind == .custom ? nil : section.effectiveKind.displayName,
          kind: section.kind == .custom ? Self.string : Self.namespace, lines: lines))
      subsections.append([])
      var own: [JSON] = []
      if section.kind == .timeline {
        own = Self.within(lines, &entries, line: \.line).map { entry in
          .object(symbol(name: entry.timeText.isEmpty ? entry.text : "\(entry.timeText) \(entry.text)", detail: entry.kind?.rawValue, kind: Self.event, lines: entry.line...entry.line))
        }
      } else if section.kind == .actionItems {
        own = Self.within(lines, &items, line: \.line).map { item in
          .object(symbol(name: item.text, detail: ([item.explicitId ? item.id : nil, item.status.rawValue] + item.owners).compactMap { $0 }.joined(separator: " "), kind: Self.field, lines: item.line...item.line))
        }
      }
      children.append(own)
    }
    // Children come after their parents, so from the last section back each one is whole
    // when its parent takes it.
    for index in nodes.indices.reversed() {
      let all = children[index] + subsections[index].map { JSON.object(nodes[$0]) }
      if !all.isEmpty { nodes[index]["children"] = .array(all) }
    }
    return .array(roots.map { JSON.object(nodes[$0]) })
  }

  /// The values of `list` (in line order) on `lines`, passing over those before them: the
  /// sections come in line order too, so the whole outline reads each list once.
  private static func within<Value>(_ lines: ClosedRange<Int>, _ list: inout ArraySlice<Value>, line: KeyPath<Value, Int>) -> [Value] {
    while let first = list.first, first[keyPath: line] < lines.lowerBound { list.removeFirst() }
    var found: [Value] = []
    var rest = list
    while let first = rest.first, first[keyPath: line] <= lines.upperBound {
      found.append(first)
      rest.removeFirst()
    }
    return found
  }

  private func symbol(name: String, detail: String?, kind: Int, lines: ClosedRange<Int>) -> [String: JSON] {
    let range = document.lspRange(
      .init(line: lines.lowerBound, column: 0), .init(line: lines.upperBound, column: document.line(lines.upperBound).utf8.count),
      encoding: encoding)
    let selection = document.lspRange(
      .init(line: lines.lowerBound, column: 0), .init(line: lines.lowerBound, column: document.line(lines.lowerBound).utf8.count),
      encoding: encoding)
    var json: [String: JSON] = [
      "name": .string(name.isEmpty ? " " : name), "kind": JSON(kind), "range": range, "selectionRange": selection,
    ]
    if let detail, !detail.isEmpty { json["detail"] = .string(detail) }
    return json
  }
}
