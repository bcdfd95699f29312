import RetroCore

/// The outline by canonical section: each section named by its heading, with the kind retro
/// read it as; the timeline's events and the action items inside theirs.
struct SymbolProvider {
  var analysis: DocumentAnalysis
  var document: OpenDocument
  var encoding: PositionEncoding

  // LSP SymbolKind values.
  static let namespace = 3, field = 8, string = 15, event = 24

  func symbols() -> JSON {
    guard let report = analysis.context?.report else { return [] }
    let sections = report.sections
    var nodes: [(level: Int, json: [String: JSON])] = []
    var roots: [[String: JSON]] = []
    // Sections arrive in document order; a deeper one nests in the last shallower one.
    func close(downTo level: Int) {
      while let last = nodes.last, last.level >= level {
        nodes.removeLast()
        if nodes.isEmpty {
          roots.append(last.json)
        } else {
          var parent = nodes.removeLast()
          var children = parent.json["children"]?.array ?? []
          children.append(.object(last.json))
          parent.json["children"] = .array(children)
          nodes.append(parent)
        }
      }
    }
    for (index, section) in sections.enumerated() {
      let nextStart = sections.dropFirst(index + 1).first(where: { $0.level <= section.level })?.range.start.line
      let endLine = max(section.range.start.line, (nextStart ?? document.lines.count + 1) - 1, section.bodyLines?.upperBound ?? 0)
      close(downTo: section.level)
      var json = symbol(
        name: section.heading.isEmpty ? section.kind.displayName : section.heading,
        detail: section.effectiveKind == .custom ? nil : section.effectiveKind.displayName,
        kind: section.kind == .custom ? Self.string : Self.namespace,
        lines: section.range.start.line...endLine)
      var children: [JSON] = []
      if section.kind == .timeline {
        children = report.timeline.filter { (section.range.start.line...endLine).contains($0.line) }.map { entry in
          .object(symbol(name: entry.timeText.isEmpty ? entry.text : "\(entry.timeText) \(entry.text)", detail: entry.kind?.rawValue, kind: Self.event, lines: entry.line...entry.line))
        }
      } else if section.kind == .actionItems {
        children = report.actionItems.filter { (section.range.start.line...endLine).contains($0.line) }.map { item in
          .object(symbol(name: item.text, detail: ([item.explicitId ? item.id : nil, item.status.rawValue] + item.owners).compactMap { $0 }.joined(separator: " "), kind: Self.field, lines: item.line...item.line))
        }
      }
      if !children.isEmpty { json["children"] = .array(children) }
      nodes.append((section.level, json))
    }
    close(downTo: Int.min)
    return .array(roots.map(JSON.object))
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
