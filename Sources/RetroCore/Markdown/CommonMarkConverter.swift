import CCmark

/// Parses CommonMark with libcmark and converts cmark's tree into `MarkdownNode` values.
///
/// This is the only file that talks to cmark. Every cmark node is converted at once and the
/// cmark tree is freed before returning. Conversion walks with cmark's iterator, never by
/// recursion, so deeply nested input cannot exhaust the stack here.
enum CommonMarkConverter {
  /// Parses `text` into a document node. Line numbers are those of `text`.
  static func parse(_ text: String) -> MarkdownNode {
    let root: OpaquePointer? = text.withCString { pointer in
      cmark_parse_document(pointer, text.utf8.count, CMARK_OPT_SOURCEPOS)
    }
    guard let root else { return MarkdownNode(kind: .document) }
    defer { cmark_node_free(root) }
    return convert(root)
  }

  /// Parses a short piece of inline Markdown (a table cell, part of a paragraph) and returns
  /// its inline nodes, with their lines moved to `line`.
  static func parseInlines(_ text: String, line: Int) -> [MarkdownNode] {
    let document = parse(text)
    let inlines = document.children.first.map { block -> [MarkdownNode] in
      block.kind == .paragraph ? block.children : [block]
    } ?? []
    return inlines.map { $0.movedToLine(line) }
  }

  private struct Frame {
    var kind: MarkdownNode.Kind
    var range: SourceRange?
    var children: [MarkdownNode] = []
  }

  /// Containers nested deeper than this are flattened into their ancestor at this depth,
  /// so no later walk over the tree (or its release) can run out of stack on hostile input
  /// such as 10,000 nested lists. Real reports nest a handful of levels.
  static let maximumDepth = 128

  private static func convert(_ root: OpaquePointer) -> MarkdownNode {
    guard let iterator = cmark_iter_new(root) else { return MarkdownNode(kind: .document) }
    defer { cmark_iter_free(iterator) }
    var stack: [Frame] = []
    var flattened = 0
    var result = MarkdownNode(kind: .document)
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      if event == CMARK_EVENT_ENTER {
        let frame = Frame(kind: kind(of: node), range: range(of: node))
        if isLeaf(node) {
          let leaf = MarkdownNode(kind: frame.kind, range: frame.range)
          if stack.isEmpty { result = leaf } else { stack[stack.count - 1].children.append(leaf) }
        } else if stack.count >= maximumDepth {
          flattened += 1
        } else {
          stack.append(frame)
        }
      } else if event == CMARK_EVENT_EXIT, flattened > 0 {
        flattened -= 1
      } else if event == CMARK_EVENT_EXIT, let frame = stack.popLast() {
        let built = MarkdownNode(kind: frame.kind, range: frame.range, children: frame.children)
        if stack.isEmpty { result = built } else { stack[stack.count - 1].children.append(built) }
      }
    }
    return result
  }

  private static func isLeaf(_ node: OpaquePointer) -> Bool {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
      CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
      return true
    default:
      return false
    }
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }

  private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST:
      return .list(
        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        start: Int(cmark_node_get_list_start(node)),
        tight: cmark_node_get_list_tight(node) != 0)
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_CODE_BLOCK:
      return .codeBlock(
        info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
    case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK:
      return .link(
        destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    case CMARK_NODE_IMAGE:
      return .image(
        destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    default:
      return .text("")
    }
  }

  private static func range(of node: OpaquePointer) -> SourceRange? {
    let startLine = Int(cmark_node_get_start_line(node))
    guard startLine > 0 else { return nil }
    let endLine = Int(cmark_node_get_end_line(node))
    let startColumn = Int(cmark_node_get_start_column(node))
    let endColumn = Int(cmark_node_get_end_column(node))
    return SourceRange(
      start: SourceLocation(line: startLine, column: startColumn > 0 ? startColumn : nil),
      end: SourceLocation(line: max(endLine, startLine), column: endColumn > 0 ? endColumn : nil))
  }
}

extension MarkdownNode {
  /// A copy whose ranges all sit on `line` (used for nodes parsed out of one source line).
  func movedToLine(_ line: Int) -> MarkdownNode {
    var copy = self
    if let range = copy.range {
      copy.range = SourceRange(
        start: SourceLocation(line: line, column: range.start.column),
        end: SourceLocation(line: line, column: range.end.column))
    }
    copy.children = children.map { $0.movedToLine(line) }
    return copy
  }
}
