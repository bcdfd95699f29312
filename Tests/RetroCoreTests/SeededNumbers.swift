/// A seeded linear congruential generator for the generated cases of the tests, so a case
/// that fails replays from its seed.
struct SeededNumbers {
  private(set) var state: UInt64

  init(seed: UInt64) { state = seed }

  /// The next number, from the high bits of the state.
  mutating func next() -> Int {
    state = state &* 6364136223846793005 &+ 1442695040888963407
    return Int(state >> 33)
  }

  mutating func pick<T>(_ values: [T]) -> T { values[next() % values.count] }
}
