import RetroCore

/// Groups of action items from different reports that say the same thing: a fix promised
/// more than once.
public enum RecurringItems {
  public struct Group: Sendable, Equatable, Codable {
    public var items: [ActionItemRow]
  }

  /// Items are linked when their token similarity reaches `threshold` (`SimilarityIndex`, the
  /// engine the `recurring_action_item` rule uses); linked items form a group (single-link
  /// clustering), and only groups spanning two reports or more count.
  public static func groups(_ rows: [ActionItemRow], threshold: Double) -> [Group] {
    let index = SimilarityIndex(texts: rows.map(\.text), threshold: threshold)
    var parent = Array(rows.indices)
    func find(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    for (a, b) in index.pairs(where: { rows[$0].path != rows[$1].path }) {
      let (x, y) = (find(a), find(b))
      if x != y { parent[x] = y }
    }
    var clusters: [Int: [ActionItemRow]] = [:]
    for index in rows.indices { clusters[find(index), default: []].append(rows[index]) }
    return clusters.values
      .filter { Set($0.map(\.path)).count >= 2 }
      .map { Group(items: $0.sorted { ($0.reportDate ?? "", $0.path, $0.line) < ($1.reportDate ?? "", $1.path, $1.line) }) }
      .sorted { ($0.items.count, $0.items.first?.text ?? "") > ($1.items.count, $1.items.first?.text ?? "") }
  }
}
