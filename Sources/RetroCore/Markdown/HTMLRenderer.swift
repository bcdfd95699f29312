/// Renders the Markdown tree to HTML that cannot run anything.
///
/// Raw HTML in the Markdown (blocks and inline) is not passed through: it is shown as text.
/// Links and images keep only safe destinations (http, https, mailto, relative paths and
/// anchors); `javascript:`, `data:`, `vbscript:` and anything else become plain text. Every
/// piece of text is escaped. Pipe tables render as tables.
public struct HTMLRenderer: Sendable {
  /// Heading levels move by this much (a section's `##` becomes `<h3>` under a page's h2).
  public var headingOffset: Int

  public init(headingOffset: Int = 0) {
    self.headingOffset = headingOffset
  }

  /// Renders a Markdown source text.
  public func render(markdown: String) -> String {
    render(MarkdownDocument(parsing: markdown).root)
  }

  public func render(_ node: MarkdownNode) -> String {
    var out = ""
    append(node, to: &out)
    return out
  }

  public static func escape(_ text: String) -> String {
    // By bytes: faster than by characters, and a `<` is escaped even where a combining
    // mark after it makes it part of a larger character.
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 16)
    for byte in utf8 {
      switch byte {
      case 0x26: out += Array("&amp;".utf8)
      case 0x3C: out += Array("&lt;".utf8)
      case 0x3E: out += Array("&gt;".utf8)
      case 0x22: out += Array("&quot;".utf8)
      case 0x27: out += Array("&#39;".utf8)
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// True for destinations a reader can follow safely.
  ///
  /// Character references are decoded first (`&#106;avascript:`, `javascript&colon;`), as the
  /// generator or the browser decodes them, and a named one not known is taken as unsafe.
  public static func isSafe(_ destination: String) -> Bool {
    guard let decoded = CharacterReference.decode(destination) else { return false }
    let trimmed = decoded.trimmingWhitespaceAndNewlines().lowercased()
    // Control characters and entities are how filters get fooled (`java\tscript:`).
    if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
    guard let colon = trimmed.firstIndex(of: ":") else { return true }
    // A colon after the first slash, question mark or hash is part of a relative path.
    if let stop = trimmed.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), stop < colon { return true }
    let scheme = trimmed[..<colon]
    return ["http", "https", "mailto"].contains(String(scheme))
  }

  /// Whether a list item's first paragraph starts with a task box (`[ ]`, `[x]`, `[X]` and a
  /// space), and the paragraph without it. cmark leaves brackets as text, sometimes split over
  /// several text nodes.
  static func taskBox(_ paragraph: MarkdownNode) -> (Bool, MarkdownNode)? {
    var leading = ""
    for child in paragraph.children {
      guard case .text(let text) = child.kind else { break }
      leading += text
      if leading.count >= 4 { break }
    }
    let checked: Bool
    if leading.hasPrefix("[ ] ") { checked = false } else if leading.hasPrefix("[x] ") || leading.hasPrefix("[X] ") { checked = true } else { return nil }
    var rest = paragraph
    var drop = 4
    var index = 0
    while drop > 0, index < rest.children.count, case .text(let text) = rest.children[index].kind {
      let taken = min(drop, text.count)
      rest.children[index].kind = .text(String(text.dropFirst(taken)))
      drop -= taken
      index += 1
    }
    rest.children.removeAll { if case .text(let text) = $0.kind { return text.isEmpty } else { return false } }
    return (checked, rest)
  }

  private func children(_ node: MarkdownNode, _ out: inout String) {
    for child in node.children { append(child, to: &out) }
  }

  private func append(_ node: MarkdownNode, to out: inout String) {
    switch node.kind {
    case .document:
      children(node, &out)
    case .blockQuote:
      out += "<blockquote>\n"
      children(node, &out)
      out += "</blockquote>\n"
    case .list(let ordered, let start, let tight):
      out += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
      for item in node.children {
        var parts = item.children
        // A task item (`- [ ] …`, `- [x] …`) shows its box, as GitHub, Jekyll and Hugo do.
        if let first = parts.first, first.kind == .paragraph, let (checked, rest) = Self.taskBox(first) {
          out += "<li class=\"task\"><input type=\"checkbox\" disabled\(checked ? " checked" : "")> "
          parts[0] = rest
        } else {
          out += "<li>"
        }
        for child in parts {
          if tight, child.kind == .paragraph { children(child, &out) } else { append(child, to: &out) }
        }
        out += "</li>\n"
      }
      out += ordered ? "</ol>\n" : "</ul>\n"
    case .item:
      out += "<li>"
      children(node, &out)
      out += "</li>\n"
    case .codeBlock(let info, let literal):
      let language = info.split(separator: " ").first.map { " class=\"language-\(Self.escape(String($0)))\"" } ?? ""
      out += "<pre><code\(language)>\(Self.escape(literal))</code></pre>\n"
    case .htmlBlock(let html):
      // Shown, not run.
      let visible = html.trimmingWhitespaceAndNewlines()
      if !visible.isEmpty && !(visible.hasPrefix("<!--") && visible.hasSuffix("-->")) {
        out += "<pre class=\"raw-html\">\(Self.escape(visible))</pre>\n"
      }
    case .paragraph:
      out += "<p>"
      children(node, &out)
      out += "</p>\n"
    case .heading(let level):
      let shifted = min(6, max(1, level + headingOffset))
      out += "<h\(shifted)>"
      children(node, &out)
      out += "</h\(shifted)>\n"
    case .thematicBreak:
      out += "<hr>\n"
    case .table:
      out += "<div class=\"table\"><table>\n"
      for row in node.children {
        let header: Bool
        if case .tableRow(let isHeader) = row.kind { header = isHeader } else { header = false }
        out += header ? "<thead><tr>" : "<tr>"
        for cell in row.children {
          out += header ? "<th>" : "<td>"
          children(cell, &out)
          out += header ? "</th>" : "</td>"
        }
        out += header ? "</tr></thead>\n" : "</tr>\n"
      }
      out += "</table></div>\n"
    case .tableRow, .tableCell:
      children(node, &out)
    case .text(let text):
      out += Self.escape(text)
    case .softBreak:
      out += "\n"
    case .lineBreak:
      out += "<br>\n"
    case .code(let code):
      out += "<code>\(Self.escape(code))</code>"
    case .htmlInline(let html):
      out += Self.escape(html)
    case .emphasis:
      out += "<em>"
      children(node, &out)
      out += "</em>"
    case .strong:
      out += "<strong>"
      children(node, &out)
      out += "</strong>"
    case .link(let destination, let title):
      guard Self.isSafe(destination) else {
        children(node, &out)
        return
      }
      let titleAttribute = title.isEmpty ? "" : " title=\"\(Self.escape(title))\""
      out += "<a href=\"\(Self.escape(destination))\"\(titleAttribute) rel=\"nofollow noopener\">"
      children(node, &out)
      out += "</a>"
    case .image(let destination, _):
      let alt = Self.escape(node.plainText)
      guard Self.isSafe(destination) else {
        out += alt
        return
      }
      out += "<img src=\"\(Self.escape(destination))\" alt=\"\(alt)\" loading=\"lazy\">"
    }
  }
}

import Foundation
