/// Something odd about an input that did not stop it from being read, such as bytes that
/// are not UTF-8 and were replaced.
public struct InputWarning: Sendable, Equatable, Codable {
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(line: Int? = nil, column: Int? = nil, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(line, forKey: .line)
    try container.encode(column, forKey: .column)
    try container.encode(message, forKey: .message)
  }
}
