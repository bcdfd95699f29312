/// A rendered post: where it goes under the output folder, and its text.
public struct PublishedPost: Sendable, Equatable {
  public var relativePath: String
  public var text: String
  public var source: String
}
