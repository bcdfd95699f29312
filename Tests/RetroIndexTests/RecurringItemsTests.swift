import Testing
@testable import RetroCore
@testable import RetroIndex

@Suite("Recurring items")
struct RecurringItemsTests {
  static func row(_ text: String, path: String, line: Int) -> ActionItemRow {
    ActionItemRow(
      id: "\(path):\(line)", text: text, owners: [], due: nil, daysOverdue: nil, ageDays: nil, status: "open", tickets: [],
      priority: nil, type: nil, reportTitle: nil, reportDate: nil, severity: nil, tags: [], services: [], path: path,
      line: line, closedAt: nil, firstSeenAt: "2024-01-01")
  }

  /// Single-link clustering by its definition: every pair of items from different reports.
  static func bruteForce(_ rows: [ActionItemRow], threshold: Double) -> Set<Set<String>> {
    var parent = Array(rows.indices)
    func find(_ i: Int) -> Int { parent[i] == i ? i : find(parent[i]) }
    let tokens = rows.map { TextSimilarity.tokens($0.text) }
    for b in rows.indices {
      for a in 0..<b where rows[a].path != rows[b].path {
        let union = tokens[a].union(tokens[b]).count
        guard union > 0, Double(tokens[a].intersection(tokens[b]).count) / Double(union) >= threshold else { continue }
        let (x, y) = (find(a), find(b))
        if x != y { parent[x] = y }
      }
    }
    var clusters: [Int: [ActionItemRow]] = [:]
    for index in rows.indices { clusters[find(index), default: []].append(rows[index]) }
    return Set(clusters.values.filter { Set($0.map(\.path)).count >= 2 }.map { Set($0.map(\.id)) })
  }

  @Test("groups are exactly brute-force single-link clusters", arguments: [0.5, 0.7, 1.0], [1, 2, 3, 4])
  func matchesBruteForce(_ threshold: Double, _ seed: UInt64) {
    var state = seed
    func next() -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int(state >> 33)
    }
    let verbs = ["Add", "Fix", "Document"]
    let things = ["replication lag alert", "pool limit", "runbook for failover", "canary deploys", "retry budget"]
    // Few reports and a small vocabulary: exact repeats, repeats within one report, near ones.
    let rows = (0..<250).map { index in
      let extra = next() % 3 == 0 ? " for orders" : ""
      return Self.row("\(verbs[next() % verbs.count]) \(things[next() % things.count])\(extra)", path: "r\(next() % 12).md", line: index)
    }
    let groups = RecurringItems.groups(rows, threshold: threshold)
    #expect(Set(groups.map { Set($0.items.map(\.id)) }) == Self.bruteForce(rows, threshold: threshold))
  }

  @Test("the same item twice in one report alone is not recurring")
  func oneReport() {
    let rows = [Self.row("Add a pool alert", path: "a.md", line: 1), Self.row("Add a pool alert", path: "a.md", line: 9)]
    #expect(RecurringItems.groups(rows, threshold: 0.6).isEmpty)
  }

  @Test("groups come out in the same order on every run")
  func stableOrder() {
    let rows = ["Add a pool alert", "Fix the DNS TTL"].flatMap { text in
      ["a.md", "b.md"].map { Self.row(text, path: $0, line: 3) }
    }
    let first = RecurringItems.groups(rows, threshold: 0.6).map { $0.items.map(\.id) }
    #expect(first == [["a.md:3", "b.md:3"], ["a.md:3", "b.md:3"]])
    #expect(RecurringItems.groups(rows, threshold: 0.6).map { $0.items[0].text } == ["Fix the DNS TTL", "Add a pool alert"])
  }

  @Test("the same promise with a different tail is found by its lead clause")
  func leadClause() {
    let rows = [
      Self.row("Implement priority classes for critical workloads: it can happen even without resource pressure", path: "a.md", line: 1),
      Self.row("Implement priority classes for critical workloads: has been scheduled as part of the platform work", path: "b.md", line: 1),
      Self.row("P1: rotate the keys", path: "b.md", line: 2),
      Self.row("P1: add a dashboard", path: "c.md", line: 1),
    ]
    let groups = RecurringItems.groups(rows, threshold: 0.75)
    #expect(groups.map { $0.items.map(\.path) } == [["a.md", "b.md"]], "a one-word lead (P1:) links nothing")
  }

  @Test("items copied into a log of incidents on the incident's own day are no recurrence; on another day they are")
  func copies() {
    var original = Self.row("Add an integration test that logs reach the cluster", path: "2023-08-04-logging.md", line: 5)
    original.reportDate = "2023-08-04"
    var copy = Self.row("Add an integration test that logs reach the cluster", path: "incident-log.md", line: 40)
    copy.reportDate = "2024-09-20"
    copy.incidentDate = "2023-08-04"
    #expect(RecurringItems.groups([original, copy], threshold: 0.75).isEmpty)
    var again = copy
    again.line = 90
    again.incidentDate = "2024-02-11"
    #expect(RecurringItems.groups([original, copy, again], threshold: 0.75).first?.items.count == 3)
  }

  @Test("a lead two items of one report share is a label, and links nothing across reports")
  func labelLead() {
    let rows = [
      Self.row("Platform team follow-up item: rotate the TLS certificates", path: "a.md", line: 1),
      Self.row("Platform team follow-up item: add a database replica", path: "a.md", line: 2),
      Self.row("Platform team follow-up item: tune the connection pool", path: "b.md", line: 1),
    ]
    #expect(RecurringItems.groups(rows, threshold: 0.75).isEmpty)
  }
}
