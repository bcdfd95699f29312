/// One node of a parsed Markdown document, as a plain Swift value.
///
/// Block and inline nodes share this type; `kind` says which. Pipe tables, which plain
/// CommonMark reads as paragraphs, are recognised and given the table kinds.
public struct MarkdownNode: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case document
    case blockQuote
    case list(ordered: Bool, start: Int, tight: Bool)
    case item
    case codeBlock(info: String, literal: String)
    case htmlBlock(String)
    case paragraph
    case heading(level: Int)
    case thematicBreak
    case table
    case tableRow(isHeader: Bool)
    case tableCell
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case htmlInline(String)
    case emphasis
    case strong
    case link(destination: String, title: String)
    case image(destination: String, title: String)
  }

  public var kind: Kind
  public var range: SourceRange?
  public var children: [MarkdownNode]

  public init(kind: Kind, range: SourceRange? = nil, children: [MarkdownNode] = []) {
    self.kind = kind
    self.range = range
    self.children = children
  }

  /// True for nodes that hold inline content rather than blocks.
  public var isInline: Bool {
    switch kind {
    case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image:
      return true
    default:
      return false
    }
  }

  /// The heading level, when this is a heading.
  public var headingLevel: Int? {
    if case .heading(let level) = kind { return level }
    return nil
  }
}
