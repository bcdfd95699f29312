/// The known name a mistyped one was most likely meant to be, for "did you mean" in errors
/// (`--rule vague_actio_item`, `rules:` in `.retro.yml`, `retro rules ID`).
///
/// Names are compared by optimal-string-alignment distance (Levenshtein plus the swap of two
/// neighbours, the commonest typo), case-insensitively. A name is offered only when it is
/// close: at most a third of the longer name's length, and at most 3 edits, so a word that is
/// no rule at all gets no misleading suggestion.
public enum NearestName {
  public static func suggestion(for typed: String, among names: some Sequence<String>) -> String? {
    let word = Array(typed.lowercased())
    var best: (name: String, distance: Int)?
    for name in names.sorted() {
      let candidate = Array(name.lowercased())
      let limit = min(3, max(1, max(word.count, candidate.count) / 3))
      guard abs(candidate.count - word.count) <= limit else { continue }
      let d = distance(word, candidate)
      if d <= limit, d < (best?.distance ?? .max) { best = (name, d) }
    }
    return best?.name
  }

  /// " Did you mean 'x'?" or nothing, to append to an error message.
  public static func hint(for typed: String, among names: some Sequence<String>) -> String {
    suggestion(for: typed, among: names).map { " Did you mean '\($0)'?" } ?? ""
  }

  /// Optimal string alignment distance, in rows of the dynamic-programming table.
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, beforePrevious[j - 2] + 1)
        }
        current[j] = value
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}
