/// One named step of a publishing pipeline; an error it throws is reported with its name.
public struct PublishingStep<Context> {
  public var name: String
  public var body: (inout Context) throws -> Void

  public init(_ name: String, _ body: @escaping (inout Context) throws -> Void) {
    self.name = name
    self.body = body
  }

  /// Runs the steps in order, stopping at the first error.
  public static func run(_ steps: [PublishingStep<Context>], on context: inout Context) throws {
    for step in steps {
      do {
        try step.body(&context)
      } catch let error as PublishError {
        throw error
      } catch {
        throw PublishError(step: step.name, underlying: error)
      }
    }
  }
}
