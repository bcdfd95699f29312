import Dispatch
import Foundation

/// Maps over an array on every core, keeping the order. Each element is processed on its
/// own; results are gathered by index.
public enum ParallelMap {
  public static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    guard elements.count > 1 else { return elements.map(transform) }
    let box = ResultBox<Result>(count: elements.count)
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, elements.count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var index = worker
      while index < elements.count {
        box.set(index, transform(elements[index]))
        index += workers
      }
    }
    return box.values()
  }
}

/// Slots written by worker threads under a lock (`ParallelMap`'s results, `Pipeline`'s next
/// batch).
final class ResultBox<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [Value] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
