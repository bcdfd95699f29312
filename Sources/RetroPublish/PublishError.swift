/// An error from a publishing step, naming the step.
public struct PublishError: Error, CustomStringConvertible {
  public var step: String
  public var underlying: Error

  public init(step: String, underlying: Error) {
    self.step = step
    self.underlying = underlying
  }

  public var description: String {
    "\(String(describing: underlying)) (in step '\(step)')"
  }
}
