import RetroCore

/// Groups of action items from different reports that say the same thing: a fix promised
/// more than once.
public enum RecurringItems {
  public struct Group: Sendable, Equatable, Codable {
    public var items: [ActionItemRow]
  }

  /// Items are linked when their token similarity reaches `threshold` (`SimilarityIndex`, the
  /// engine the `recurring_action_item` rule uses) and they come from different reports;
  /// linked items form a group (single-link clustering), and only groups spanning two
  /// reports or more count.
  ///
  /// The same promise is usually written the same way, so items are first merged by token
  /// set, and only the distinct sets are compared: a fix promised in 500 reports is one set,
  /// not 125,000 pairs. That changes nothing: items with one set that span two reports or
  /// more are all linked to each other (directly or through an item of another report), and
  /// two similar sets link all of their items unless both lie within one and the same report.
  public static func groups(_ rows: [ActionItemRow], threshold: Double) -> [Group] {
    var setIndex: [Set<String>: Int] = [:]
    var setOf: [Int] = []
    var sets: [Set<String>] = []
    var paths: [Set<String>] = []
    for (row, tokens) in zip(rows, TextSimilarity.tokenSets(rows.map(\.text))) {
      if let known = setIndex[tokens] {
        setOf.append(known)
        paths[known].insert(row.path)
      } else {
        setIndex[tokens] = sets.count
        setOf.append(sets.count)
        sets.append(tokens)
        paths.append([row.path])
      }
    }
    let index = SimilarityIndex(tokenSets: sets, threshold: threshold)
    var parent = Array(sets.indices)
    func find(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    var linked = paths.map { $0.count >= 2 }
    // Two sets already in one group are not compared: linking them again changes nothing
    // (both are marked linked when their group formed). Items sharing a few words fall into
    // a few large groups early, so most comparisons are skipped, and no list of pairs is kept.
    index.forEachPair(where: { a, b in
      find(a) != find(b) && (paths[a].count >= 2 || paths[b].count >= 2 || paths[a] != paths[b])
    }) { a, b in
      let (x, y) = (find(a), find(b))
      if x != y { parent[x] = y }
      linked[a] = true
      linked[b] = true
    }
    // Items of a set linked to nothing stay alone (one report: never a group).
    var clusters: [Int: [ActionItemRow]] = [:]
    for (row, set) in zip(rows, setOf) where linked[set] { clusters[find(set), default: []].append(row) }
    return clusters.values
      .filter { Set($0.map(\.path)).count >= 2 }
      .map { Group(items: $0.sorted { ($0.reportDate ?? "", $0.path, $0.line) < ($1.reportDate ?? "", $1.path, $1.line) }) }
      .sorted {
        // Largest first; ties in a fixed order (first text, then where the group starts).
        if $0.items.count != $1.items.count { return $0.items.count > $1.items.count }
        let (a, b) = ($0.items[0], $1.items[0])
        return (a.text, a.path, a.line) > (b.text, b.path, b.line)
      }
  }
}
