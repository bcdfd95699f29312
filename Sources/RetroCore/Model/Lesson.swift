/// One point in a lessons list.
public struct Lesson: Sendable, Equatable, Codable {
  public var text: String
  public var line: Int

  public init(text: String, line: Int) {
    self.text = text
    self.line = line
  }
}
