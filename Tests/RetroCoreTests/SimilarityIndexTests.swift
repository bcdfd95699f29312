import Testing
@testable import RetroCore

@Suite("Similarity index")
struct SimilarityIndexTests {
  static func jaccard(_ x: Set<String>, _ y: Set<String>) -> Double {
    x.isEmpty && y.isEmpty ? 0 : Double(x.intersection(y).count) / Double(x.union(y).count)
  }

  /// Seeded texts from a small vocabulary, so many pairs are near the threshold.
  static func texts(seed: UInt64, count: Int) -> [String] {
    var state = seed
    func next() -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int(state >> 33)
    }
    let words = ["alert", "replication", "lag", "orders", "database", "pool", "timeout", "retry", "budget", "canary",
                 "deploy", "rollback", "runbook", "page", "dashboard", "cache", "dns", "certificate", "rotate", "quota"]
    return (0..<count).map { _ in (0..<(1 + next() % 7)).map { _ in words[next() % words.count] }.joined(separator: " ") }
  }

  @Test("pairs are exactly the pairs brute force finds", arguments: [0.4, 0.5, 0.6, 0.8, 1.0], [1, 2, 3])
  func pairsMatchBruteForce(_ threshold: Double, _ seed: UInt64) {
    let texts = Self.texts(seed: seed, count: 300)
    let tokens = texts.map(TextSimilarity.tokens)
    let index = SimilarityIndex(tokenSets: tokens, threshold: threshold)
    var expected: [[Int]] = []
    for b in texts.indices { for a in 0..<b where Self.jaccard(tokens[a], tokens[b]) >= threshold { expected.append([a, b]) } }
    let found = index.pairs().map { [$0.0, $0.1] }
    #expect(found.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) } == expected.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
  }

  @Test("the earliest match below a limit is the brute-force earliest", arguments: [0.5, 0.7])
  func earliestMatchesBruteForce(_ threshold: Double) {
    let texts = Self.texts(seed: 9, count: 300)
    let tokens = texts.map(TextSimilarity.tokens)
    let index = SimilarityIndex(tokenSets: tokens, threshold: threshold)
    for item in texts.indices {
      let limit = item / 2
      let expected = (0..<limit).first { Self.jaccard(tokens[$0], tokens[item]) >= threshold }
      #expect(index.earliestMatch(of: item, below: limit) == expected)
    }
  }

  @Test("owners, tickets, numbers and stop words make no match")
  func ignoredWords() {
    let index = SimilarityIndex(
      texts: ["Add an alert for the orders database @ana OPS-12", "Add alert on orders database @bob OPS-99 due 2024-03-01", "@ana OPS-12 2024"],
      threshold: 0.6)
    #expect(index.similarity(0, 1) == 1)
    #expect(index.pairs().map { [$0.0, $0.1] } == [[0, 1]])
  }
}
