import RetroCore

/// Groups of action items from different reports that say the same thing: a fix promised
/// more than once.
public enum RecurringItems {
  public struct Group: Sendable, Equatable, Codable {
    public var items: [ActionItemRow]
  }

  /// Items are linked when their token similarity reaches `threshold` (`SimilarityIndex`, the
  /// engine the `recurring_action_item` rule uses), or their lead clauses do (the words
  /// before a `:`, `;` or dash, when there are three or more and no two items of one report
  /// share them, which makes them a label: "Implement priority classes
  /// for critical workloads: it can happen …" and "…: has been scheduled …" are one
  /// promise). Linked items form a group (single-link clustering).
  ///
  /// Only items of different incidents count: different reports, and a different day
  /// (the incident a heading above the item names, else the report's date). The same items
  /// copied into a log of incidents, on the incident's own day, are one promise made once.
  ///
  /// The same promise is usually written the same way, so items are first merged by token
  /// set (whole text and lead clause alike), and only the distinct sets are compared: a fix
  /// promised in 500 reports is one set, not 125,000 pairs.
  public static func groups(_ rows: [ActionItemRow], threshold: Double) -> [Group] {
    var setIndex: [Set<String>: Int] = [:]
    var sets: [Set<String>] = []
    /// For each set, its items as (report, incident day), a few kept for the checks.
    var places: [[Place]] = []
    /// For each row, the sets it is in: its text's, and its lead clause's when it has one.
    var rowSets: [[Int]] = []
    func setNumber(_ tokens: Set<String>, _ place: Place) -> Int {
      if let known = setIndex[tokens] {
        if places[known].count < Self.placesKept, !places[known].contains(place) { places[known].append(place) }
        return known
      }
      setIndex[tokens] = sets.count
      sets.append(tokens)
      places.append([place])
      return sets.count - 1
    }
    let leads = rows.map { lead(of: $0.text) }
    let leadTokens = TextSimilarity.tokenSets(leads.map { $0 ?? "" })
    // A lead two items of one report share is a label ("Platform follow-up: …"), not a promise.
    var leadUses: [Set<String>: [String: Int]] = [:]
    for (row, (lead, leadSet)) in zip(rows, zip(leads, leadTokens)) where lead != nil && leadSet.count >= 3 {
      leadUses[leadSet, default: [:]][row.path, default: 0] += 1
    }
    for ((row, tokens), (lead, leadSet)) in zip(zip(rows, TextSimilarity.tokenSets(rows.map(\.text))), zip(leads, leadTokens)) {
      let place = Place(path: row.path, day: row.incidentDate ?? row.reportDate ?? "report:" + row.path)
      var mine = [setNumber(tokens, place)]
      let label = (leadUses[leadSet]?.values.contains { $0 >= 2 }) ?? false
      if lead != nil, leadSet.count >= 3, leadSet != tokens, !label { mine.append(setNumber(leadSet, place)) }
      rowSets.append(mine)
    }
    var parent = Array(sets.indices)
    func find(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    func union(_ a: Int, _ b: Int) {
      let (x, y) = (find(a), find(b))
      if x != y { parent[x] = y }
    }
    // A row's text and its lead clause are one promise.
    for mine in rowSets where mine.count == 2 { union(mine[0], mine[1]) }
    // Two sets already in one group are not compared: linking them again changes nothing.
    // Items sharing a few words fall into a few large groups early, so most comparisons are
    // skipped, and no list of pairs is kept.
    let index = SimilarityIndex(tokenSets: sets, threshold: threshold)
    index.forEachPair(where: { a, b in find(a) != find(b) && differentIncidents(places[a], places[b]) }) { a, b in union(a, b) }
    var clusters: [Int: [ActionItemRow]] = [:]
    for (row, mine) in zip(rows, rowSets) { clusters[find(mine[0]), default: []].append(row) }
    return clusters.values
      .filter { items in differentIncidents(items.map(Place.init), items.map(Place.init)) }
      .map { Group(items: $0.sorted { ($0.reportDate ?? "", $0.path, $0.line) < ($1.reportDate ?? "", $1.path, $1.line) }) }
      .sorted {
        // Largest first; ties in a fixed order (first text, then where the group starts).
        if $0.items.count != $1.items.count { return $0.items.count > $1.items.count }
        let (a, b) = ($0.items[0], $1.items[0])
        return (a.text, a.path, a.line) > (b.text, b.path, b.line)
      }
  }

  /// Where an item was promised: its report and its incident's day.
  struct Place: Equatable {
    var path: String
    var day: String

    init(path: String, day: String) {
      self.path = path
      self.day = day
    }

    init(_ row: ActionItemRow) {
      self.init(path: row.path, day: row.incidentDate ?? row.reportDate ?? "report:" + row.path)
    }
  }

  /// How many places each set keeps: enough to tell two incidents from one copied.
  static let placesKept = 8

  /// True when some item of `a` and some item of `b` are of different reports and days.
  static func differentIncidents(_ a: [Place], _ b: [Place]) -> Bool {
    for x in a {
      for y in b where x.path != y.path && x.day != y.day { return true }
    }
    return false
  }

  /// The words before the first `: `, `; ` or ` - ` / ` — ` of `text`, when something follows.
  static func lead(of text: String) -> String? {
    var best: String.Index?
    for mark in [": ", "; ", " - ", " — ", " – "] {
      if let found = text.range(of: mark), found.upperBound < text.endIndex, best.map({ found.lowerBound < $0 }) ?? true {
        best = found.lowerBound
      }
    }
    guard let best else { return nil }
    return String(text[..<best])
  }
}
