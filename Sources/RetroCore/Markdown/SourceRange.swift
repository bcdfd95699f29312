/// The span of a node or section in its file, both ends inclusive.
public struct SourceRange: Sendable, Equatable, Hashable, Codable {
  public var start: SourceLocation
  public var end: SourceLocation

  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }

  /// A range covering whole lines, columns unknown.
  public init(lines: ClosedRange<Int>) {
    self.start = SourceLocation(line: lines.lowerBound, column: nil)
    self.end = SourceLocation(line: lines.upperBound, column: nil)
  }

  /// The line numbers this range touches.
  public var lines: ClosedRange<Int> { start.line...max(start.line, end.line) }
}
