/// The one engine that finds action items saying the same thing: the `recurring_action_item`
/// rule and `retro actions --recurring` both use it.
///
/// Items are token sets (`TextSimilarity.tokens`: no stop words, owners, tickets or numbers)
/// compared by Jaccard similarity. Tokens are interned as integers and ranked rarest first,
/// so each set is a sorted array of ranks. Prefix filtering makes the search near linear:
/// two sets whose similarity reaches t must share a token among the first
/// |A| − ⌈t·|A|⌉ + 1 ranks of each, so only those prefixes are indexed and probed, and a
/// word common to many items (rarest-last) almost never makes a candidate pair.
public struct SimilarityIndex: Sendable {
  public let threshold: Double
  /// Each item's tokens as ranks, rarest first.
  private let sets: [[Int32]]
  /// Each item's prefix length.
  private let prefixLengths: [Int]
  /// For each rank, the items with it in their prefix, in item order.
  private let postings: [[Int32]]

  /// Indexes `tokenSets` (one per item, in the order results refer to) for `threshold`.
  public init(tokenSets: [Set<String>], threshold: Double) {
    self.threshold = threshold
    var ids: [String: Int32] = [:]
    var frequency: [Int] = []
    var interned: [[Int32]] = []
    interned.reserveCapacity(tokenSets.count)
    for set in tokenSets {
      var row: [Int32] = []
      row.reserveCapacity(set.count)
      for token in set {
        if let id = ids[token] {
          frequency[Int(id)] += 1
          row.append(id)
        } else {
          let id = Int32(frequency.count)
          ids[token] = id
          frequency.append(1)
          row.append(id)
        }
      }
      interned.append(row)
    }
    // Rank: rarest first, ties by the token itself so the order never depends on hashing.
    var names = [String](repeating: "", count: frequency.count)
    for (token, id) in ids { names[Int(id)] = token }
    let order = frequency.indices.sorted { (frequency[$0], names[$0]) < (frequency[$1], names[$1]) }
    var rank = [Int32](repeating: 0, count: frequency.count)
    for (position, id) in order.enumerated() { rank[id] = Int32(position) }
    sets = interned.map { $0.map { rank[Int($0)] }.sorted() }
    prefixLengths = sets.map { Self.prefixLength($0.count, threshold) }
    var lists = [[Int32]](repeating: [], count: frequency.count)
    for (item, set) in sets.enumerated() {
      for token in set.prefix(prefixLengths[item]) { lists[Int(token)].append(Int32(item)) }
    }
    postings = lists
  }

  /// Indexes the texts' tokens.
  public init(texts: [String], threshold: Double) {
    self.init(tokenSets: TextSimilarity.tokenSets(texts), threshold: threshold)
  }

  public var count: Int { sets.count }

  static func prefixLength(_ size: Int, _ threshold: Double) -> Int {
    guard size > 0 else { return 0 }
    return min(size, max(1, size - Int((threshold * Double(size)).rounded(.up)) + 1))
  }

  /// The Jaccard similarity of items `a` and `b`, 0 to 1, by merging their sorted ranks.
  public func similarity(_ a: Int, _ b: Int) -> Double {
    let x = sets[a]
    let y = sets[b]
    guard !x.isEmpty || !y.isEmpty else { return 0 }
    var i = 0
    var j = 0
    var shared = 0
    while i < x.count && j < y.count {
      if x[i] == y[j] {
        shared += 1
        i += 1
        j += 1
      } else if x[i] < y[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return Double(shared) / Double(x.count + y.count - shared)
  }

  /// The lowest-numbered item below `limit` whose similarity with `item` reaches the
  /// threshold. Postings are in item order, so each list is read only up to the best so far.
  public func earliestMatch(of item: Int, below limit: Int) -> Int? {
    var best = limit
    for token in sets[item].prefix(prefixLengths[item]) {
      for other in postings[Int(token)] {
        let other = Int(other)
        if other >= best { break }
        if other != item && similarity(item, other) >= threshold {
          best = other
          break
        }
      }
    }
    return best < limit ? best : nil
  }

  /// Every other item whose similarity with `item` reaches the threshold, most similar first.
  public func matches(of item: Int) -> [(item: Int, similarity: Double)] {
    var seen = Set<Int>()
    var found: [(item: Int, similarity: Double)] = []
    for token in sets[item].prefix(prefixLengths[item]) {
      for other in postings[Int(token)] where Int(other) != item && seen.insert(Int(other)).inserted {
        let value = similarity(item, Int(other))
        if value >= threshold { found.append((Int(other), value)) }
      }
    }
    return found.sorted { ($0.similarity, -$0.item) > ($1.similarity, -$1.item) }
  }

  /// Every pair of items (lower index first) whose similarity reaches the threshold, each
  /// pair once, for which `include` holds.
  public func pairs(where include: (Int, Int) -> Bool = { _, _ in true }) -> [(Int, Int)] {
    var result: [(Int, Int)] = []
    forEachPair(where: include) { result.append(($0, $1)) }
    return result
  }

  /// Calls `body` with every pair `pairs` would list, as it is found, without keeping them:
  /// items sharing a few words make pairs by the million. `include` is asked before the
  /// similarity is worked out, so a caller that already knows the answer for a pair (two
  /// items already in one group) saves the comparison.
  public func forEachPair(where include: (Int, Int) -> Bool = { _, _ in true }, _ body: (Int, Int) -> Void) {
    // `stamp[j] == i + 1` marks j as already tried for item i, without a set per item.
    var stamp = [Int](repeating: 0, count: sets.count)
    for item in sets.indices {
      for token in sets[item].prefix(prefixLengths[item]) {
        for other in postings[Int(token)] {
          let other = Int(other)
          if other >= item { break }  // each pair is found from its higher index
          guard stamp[other] != item + 1 else { continue }
          stamp[other] = item + 1
          if include(other, item) && similarity(other, item) >= threshold { body(other, item) }
        }
      }
    }
  }
}
