import Dispatch

/// Batches mapped on every core while the calling thread handles the batch before: the
/// indexer parses the next 200 reports while it writes the last 200 to SQLite, so neither
/// core waits for the writer.
public enum Pipeline {
  /// Calls `consume` with each batch and its results, in order, on the calling thread; the
  /// next batch is mapped (`ParallelMap`) meanwhile.
  public static func run<Element: Sendable, Result: Sendable>(
    _ batches: [[Element]], _ transform: @escaping @Sendable (Element) -> Result,
    consume: ([Element], [Result]) throws -> Void
  ) throws {
    guard let first = batches.first else { return }
    var current = ParallelMap.map(first, transform)
    for index in batches.indices {
      let next = ResultBox<[Result]>(count: 1)
      let group = DispatchGroup()
      if index + 1 < batches.count {
        let batch = batches[index + 1]
        DispatchQueue.global().async(group: group) { next.set(0, ParallelMap.map(batch, transform)) }
      }
      // Whatever `consume` does, the batch under way finishes before this returns.
      defer { group.wait() }
      try consume(batches[index], current)
      group.wait()
      if index + 1 < batches.count { current = next.values().first ?? [] }
    }
  }
}
