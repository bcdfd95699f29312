extension MarkdownNode {
  /// The text a reader sees: markup dropped, code spans kept, soft breaks as newlines.
  ///
  /// Raw inline HTML is dropped; an image contributes its alt text.
  public var plainText: String {
    var out = ""
    appendPlainText(to: &out)
    return out
  }

  private func appendPlainText(to out: inout String) {
    switch kind {
    case .text(let text): out += text
    case .code(let code): out += code
    case .softBreak, .lineBreak: out += "\n"
    case .htmlInline: break
    case .codeBlock(_, let literal): out += literal
    case .tableCell:
      for child in children { child.appendPlainText(to: &out) }
      out += "\t"
    case .tableRow:
      for child in children { child.appendPlainText(to: &out) }
      out += "\n"
    default:
      let isBlockContainer = !isInline && !children.isEmpty && children.first?.isInline == false
      for child in children {
        child.appendPlainText(to: &out)
        if isBlockContainer, out.utf8.last != 0x0A { out += "\n" }
      }
    }
  }

  /// Every link and image destination below this node, in document order.
  public var linkDestinations: [String] {
    var out: [String] = []
    var stack: [MarkdownNode] = [self]
    while let node = stack.popLast() {
      switch node.kind {
      case .link(let destination, _), .image(let destination, _):
        if !destination.isEmpty { out.append(destination) }
      default: break
      }
      stack.append(contentsOf: node.children.reversed())
    }
    return out
  }

  /// True when the node is a paragraph (or cell) made of one strong span and nothing else
  /// but whitespace, the shape of `**Impact**` used as a heading.
  public var isOnlyStrong: Bool {
    let meaningful = children.filter {
      if case .text(let t) = $0.kind { return !t.allSatisfy(\.isWhitespace) }
      return true
    }
    guard meaningful.count == 1, case .strong = meaningful[0].kind else { return false }
    return true
  }
}
