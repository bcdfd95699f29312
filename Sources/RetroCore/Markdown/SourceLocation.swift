/// A place in a source file: 1-based line, and 1-based column counted in UTF-8 bytes.
///
/// cmark reports 0 for a position it does not know; such a column is `nil` here.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, Comparable {
  public var line: Int
  public var column: Int?

  public init(line: Int, column: Int?) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    if lhs.line != rhs.line { return lhs.line < rhs.line }
    return (lhs.column ?? 0) < (rhs.column ?? 0)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(line, forKey: .line)
    try container.encode(column, forKey: .column)
  }
}
