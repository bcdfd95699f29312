import Foundation

/// Finds GitHub-style pipe tables, which plain CommonMark reads as paragraphs, and turns
/// them into `table` / `tableRow` / `tableCell` nodes.
///
/// A table is a header line with a pipe, then a delimiter row (`| --- | :-: |`), then rows
/// until the paragraph ends. Text before the header line stays a paragraph.
struct PipeTableRecognizer {
  let lines: [Substring]

  func rewrite(_ root: MarkdownNode) -> MarkdownNode {
    // A document with no pipe anywhere has no table to find.
    guard lines.contains(where: { $0.utf8.contains(0x7C) }) else { return root }
    // Iterative post-order rewrite keeps deep nesting off the call stack.
    var work: [(node: MarkdownNode, childIndex: Int, rebuilt: [MarkdownNode])] = [(root, 0, [])]
    var finished: MarkdownNode = root
    while !work.isEmpty {
      let top = work.count - 1
      if work[top].childIndex < work[top].node.children.count {
        let child = work[top].node.children[work[top].childIndex]
        work[top].childIndex += 1
        if child.isInline || child.children.isEmpty {
          // Only a paragraph can become a table.
          if child.kind == .paragraph {
            work[top].rebuilt.append(contentsOf: replace(child))
          } else {
            work[top].rebuilt.append(child)
          }
        } else {
          work.append((child, 0, []))
        }
      } else {
        let frame = work.removeLast()
        var node = frame.node
        node.children = frame.rebuilt
        if work.isEmpty {
          finished = node
        } else {
          if node.kind == .paragraph {
            work[work.count - 1].rebuilt.append(contentsOf: replace(node))
          } else {
            work[work.count - 1].rebuilt.append(node)
          }
        }
      }
    }
    return finished
  }

  private func replace(_ node: MarkdownNode) -> [MarkdownNode] {
    guard node.kind == .paragraph, let range = node.range, range.end.line > range.start.line
    else { return [node] }
    // Most paragraphs have no pipe at all: check the bytes before any string work.
    let hasPipe = (range.start.line...range.end.line).contains { number in
      number >= 1 && number <= lines.count && lines[number - 1].utf8.contains(0x7C)
    }
    guard hasPipe else { return [node] }
    let first = range.start.line
    let rowLines = (first...range.end.line).map { number -> Substring in
      guard number >= 1, number <= lines.count else { return "" }
      var line = lines[number - 1]
      if number == first, let column = range.start.column {
        let bytes = min(column - 1, line.utf8.count)
        line = line[line.utf8.index(line.utf8.startIndex, offsetBy: bytes)...]
      }
      return line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
    }
    guard let headerIndex = rowLines.indices.dropLast().first(where: { index in
      rowLines[index].contains("|") && Self.isDelimiterRow(rowLines[index + 1])
    }) else { return [node] }
    let header = Self.cells(of: rowLines[headerIndex])
    let delimiter = Self.cells(of: rowLines[headerIndex + 1])
    guard header.count == delimiter.count || rowLines[headerIndex].hasPrefix("|") else {
      return [node]
    }
    var result: [MarkdownNode] = []
    if headerIndex > 0 {
      let text = rowLines[0..<headerIndex].joined(separator: "\n")
      let inlines = CommonMarkConverter.parseInlines(text, line: first)
      result.append(
        MarkdownNode(
          kind: .paragraph, range: SourceRange(lines: first...(first + headerIndex - 1)),
          children: inlines))
    }
    var rows: [MarkdownNode] = []
    for (offset, line) in rowLines.enumerated() where offset >= headerIndex && offset != headerIndex + 1 {
      let number = first + offset
      let cells = Self.cells(of: line).map { cell in
        MarkdownNode(
          kind: .tableCell, range: SourceRange(lines: number...number),
          children: CommonMarkConverter.parseInlines(cell, line: number))
      }
      rows.append(
        MarkdownNode(
          kind: .tableRow(isHeader: offset == headerIndex), range: SourceRange(lines: number...number),
          children: cells))
    }
    result.append(
      MarkdownNode(
        kind: .table, range: SourceRange(lines: (first + headerIndex)...range.end.line), children: rows))
    return result
  }

  /// A delimiter row: cells of dashes with optional alignment colons.
  static func isDelimiterRow(_ line: Substring) -> Bool {
    guard line.contains("-") else { return false }
    let cells = cells(of: line)
    guard !cells.isEmpty else { return false }
    return cells.allSatisfy { cell in
      let trimmed = cell.trimmingWhitespace()
      return !trimmed.isEmpty && trimmed.contains("-")
        && trimmed.allSatisfy { $0 == "-" || $0 == ":" }
    }
  }

  /// Splits a row on pipes that are neither escaped nor inside a code span.
  static func cells(of line: Substring) -> [String] {
    var trimmed = line.trimmingWhitespace()[...]
    if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
    if trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|") { trimmed = trimmed.dropLast() }
    var cells: [String] = []
    var current = ""
    var inCode = false
    var escaped = false
    for character in trimmed {
      if escaped {
        if character != "|" { current.append("\\") }
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "`" {
        inCode.toggle()
        current.append(character)
      } else if character == "|" && !inCode {
        cells.append(current.trimmingWhitespace())
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current.append("\\") }
    cells.append(current.trimmingWhitespace())
    return cells
  }
}
