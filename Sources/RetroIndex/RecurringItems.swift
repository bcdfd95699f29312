import RetroCore

/// Groups of action items from different reports that say the same thing: a fix promised
/// more than once.
public enum RecurringItems {
  public struct Group: Sendable, Equatable, Codable {
    public var items: [ActionItemRow]
  }

  /// Items are linked when their token similarity reaches `threshold`; linked items form a
  /// group (single-link clustering), and only groups spanning two reports or more count.
  public static func groups(_ rows: [ActionItemRow], threshold: Double) -> [Group] {
    let tokens = rows.map { TextSimilarity.tokens($0.text) }
    var parent = Array(rows.indices)
    func find(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    // Only compare items that share a word: an inverted index keeps this near linear.
    var byToken: [String: [Int]] = [:]
    for (index, set) in tokens.enumerated() {
      for token in set { byToken[token, default: []].append(index) }
    }
    for (index, set) in tokens.enumerated() {
      var candidates = Set<Int>()
      for token in set { for other in byToken[token] ?? [] where other > index { candidates.insert(other) } }
      for other in candidates where rows[other].path != rows[index].path {
        if TextSimilarity.similarity(set, tokens[other]) >= threshold {
          let (a, b) = (find(index), find(other))
          if a != b { parent[a] = b }
        }
      }
    }
    var clusters: [Int: [ActionItemRow]] = [:]
    for index in rows.indices { clusters[find(index), default: []].append(rows[index]) }
    return clusters.values
      .filter { Set($0.map(\.path)).count >= 2 }
      .map { Group(items: $0.sorted { ($0.reportDate ?? "", $0.path, $0.line) < ($1.reportDate ?? "", $1.path, $1.line) }) }
      .sorted { ($0.items.count, $0.items.first?.text ?? "") > ($1.items.count, $1.items.first?.text ?? "") }
  }
}
