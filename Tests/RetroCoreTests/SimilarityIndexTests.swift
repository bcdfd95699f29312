import Testing
@testable import RetroCore

@Suite("Similarity index")
struct SimilarityIndexTests {
  static func jaccard(_ x: Set<String>, _ y: Set<String>) -> Double {
    x.isEmpty && y.isEmpty ? 0 : Double(x.intersection(y).count) / Double(x.union(y).count)
  }

  /// Seeded texts from a small vocabulary, so many pairs are near the threshold.
  static func texts(seed: UInt64, count: Int) -> [String] {
    var random = SeededNumbers(seed: seed)
    let words = ["alert", "replication", "lag", "orders", "database", "pool", "timeout", "retry", "budget", "canary",
                 "deploy", "rollback", "runbook", "page", "dashboard", "cache", "dns", "certificate", "rotate", "quota"]
    return (0..<count).map { _ in (0..<(1 + random.next() % 7)).map { _ in random.pick(words) }.joined(separator: " ") }
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

@Suite("Phrase matcher")
struct PhraseMatcherTests {
  /// The plain definition: for each phrase, its first whole-word occurrence; the leftmost
  /// of those, the earlier phrase on a tie.
  static func bruteForce(_ phrases: [String], _ line: String) -> (String, Int)? {
    let bytes = ByteSearch.lowercasedASCII(line)
    var best: (String, Int)?
    for phrase in phrases {
      let needle = ByteSearch.lowercasedASCII(phrase.lowercased())
      var start = 0
      while let found = ByteSearch.firstIndex(of: needle, in: bytes, from: start) {
        start = found + 1
        let end = found + needle.count
        // A phrase that starts with other text than a letter (`'s fault`) may end a word.
        let startsInWord = needle.first.map(PhraseMatcher.isWord) ?? false
        let wordStart = found == 0 || !startsInWord || !PhraseMatcher.isWord(bytes[found - 1])
        let endsInWord = needle.last.map(PhraseMatcher.isWord) ?? false
        let afterIsWord = end < bytes.count && (PhraseMatcher.isWord(bytes[end]) || bytes[end] == 45)
        if wordStart && (!endsInWord || !afterIsWord) {
          if best.map({ found < $0.1 }) ?? true { best = (phrase, found) }
          break
        }
      }
    }
    return best.map { ($0.0, $0.1 + 1) }
  }

  static let phrases = ["'s fault", "’s fault", "fault of", "careless", "care", "to blame", "blame", "lazy", "a b", "b c d"]

  @Test("agrees with one scan per phrase on every line", arguments: [
    "It was Sam's fault", "The fault of the cache", "CARELESS and careless", "we care", "careful", "lazy-loaded",
    "lazy loading", "nothing here", "a b c d", "xa b c d", "Ana’s fault", "blamed", "to blame", "blame it", "", "a",
    "fault of careless care to blame",
  ])
  func agrees(_ line: String) {
    let matcher = PhraseMatcher(Self.phrases)
    let found = matcher.firstMatch(in: line)
    let expected = Self.bruteForce(Self.phrases, line)
    #expect(found?.phrase == expected?.0 && found?.column == expected?.1, "\(line)")
  }

  @Test("agrees with one scan per phrase on random lines")
  func randomLines() {
    var random = SeededNumbers(seed: 99)
    let pieces = ["a", "b", "c", "d", " ", "-", "care", "less", "blame", "'s", " fault", "of", "lazy", "É", "x"]
    let matcher = PhraseMatcher(Self.phrases)
    for _ in 0..<2000 {
      var line = ""
      for _ in 0..<12 { line += random.pick(pieces) }
      let found = matcher.firstMatch(in: line)
      let expected = Self.bruteForce(Self.phrases, line)
      #expect(found?.phrase == expected?.0 && found?.column == expected?.1, "\(line)")
    }
  }
}

@Suite("Item tokens")
struct ItemTokenTests {
  @Test("the ASCII path gives the tokens the character path gives, on random ASCII text")
  func asciiAgrees() {
    var random = SeededNumbers(seed: 5)
    let pieces = ["Add", "alert", " ", "  ", "\t", "@ana", "#12", "OPS-412", "A-1", "2024-03-01", "due", "the", "x-y", "(", ")", "$5",
                  "+", "'s", "...", "-", "--", "_", "foo_bar", "v2", "99", "TLS", "`code`", "a/b", "!", "\"q\"", "{x}", "[y]", "~", "|"]
    for _ in 0..<3000 {
      var text = ""
      for _ in 0..<10 {
        text += random.pick(pieces)
        if random.state % 3 == 0 { text += " " }
      }
      #expect(TextSimilarity.asciiTokens(text) == TextSimilarity.unicodeTokens(text), "\(text)")
    }
  }

  @Test("text that is not ASCII takes the character path")
  func unicode() {
    #expect(TextSimilarity.asciiTokens("Réparer le cache") == nil)
    #expect(TextSimilarity.tokens("Réparer le cache @ana") == ["réparer", "le", "cache"])
  }
}

@Suite("Item words")
struct ItemWordTests {
  @Test("words by bytes are the words by characters", arguments: [
    "Add an alert", "OPS-412: fix_the thing (v2)!", "  ", "", "a1b2 C3D4", "x--y..z", "Tabs\tand\nnewlines", "$5 + 3 = 8",
    "Zürich’s DNS — don’t", "ÉTÉ 2024", "e\u{301}cole", "naïve café", "Σίσυφος", "東京 outage", "a\u{00A0}b", "x\u{2014}y", "😀ok",
  ])
  func asciiWords(_ text: String) {
    #expect(TextSimilarity.words(text) == text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
  }
}
