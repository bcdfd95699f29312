/// Finds any of a fixed list of phrases in a line in one pass (Aho–Corasick over the line's
/// ASCII-lowercased UTF-8 bytes), instead of one scan per phrase. The wording rules run it
/// on every line of every report.
///
/// A match counts only as whole words: it starts a word, and a phrase that ends in a letter
/// or digit is not followed by one (nor by a hyphen: `lazy-loaded` is one word).
public struct PhraseMatcher: Sendable {
  public let phrases: [String]
  /// The automaton as a full transition table: `next[state << 8 | byte]`.
  private let next: [Int32]
  /// For each state, the phrases (by index) that end there, failure links followed.
  private let output: [[Int32]]
  private let lengths: [Int]
  private let longest: Int
  private let endsInWord: [Bool]
  /// A phrase that starts with a letter or digit must start a word; one that starts with
  /// other text (`'s fault`) is a suffix of a word by design.
  private let startsInWord: [Bool]
  /// False for substring matching: a phrase counts wherever its bytes occur.
  private let wholeWords: Bool

  public init(_ phrases: [String], wholeWords: Bool = true) {
    self.phrases = phrases
    self.wholeWords = wholeWords
    let needles = phrases.map { ByteSearch.lowercasedASCII($0.lowercased()) }
    lengths = needles.map(\.count)
    longest = lengths.max() ?? 0
    endsInWord = needles.map { $0.last.map(Self.isWord) ?? false }
    startsInWord = needles.map { $0.first.map(Self.isWord) ?? false }
    // The trie.
    var children: [[Int32]] = [[Int32](repeating: -1, count: 256)]
    var ends: [[Int32]] = [[]]
    for (index, needle) in needles.enumerated() where !needle.isEmpty {
      var state = 0
      for byte in needle {
        if children[state][Int(byte)] < 0 {
          children[state][Int(byte)] = Int32(children.count)
          children.append([Int32](repeating: -1, count: 256))
          ends.append([])
        }
        state = Int(children[state][Int(byte)])
      }
      ends[state].append(Int32(index))
    }
    // Breadth first: failure links, and missing transitions filled from the failure state.
    var table = [Int32](repeating: 0, count: children.count * 256)
    var failure = [Int](repeating: 0, count: children.count)
    var queue: [Int] = []
    for byte in 0..<256 {
      let child = children[0][byte]
      if child >= 0 {
        table[byte] = child
        queue.append(Int(child))
      }
    }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      ends[state] += ends[failure[state]]
      for byte in 0..<256 {
        let child = children[state][byte]
        let fallback = table[failure[state] << 8 | byte]
        if child >= 0 {
          failure[Int(child)] = Int(fallback)
          table[state << 8 | byte] = child
          queue.append(Int(child))
        } else {
          table[state << 8 | byte] = fallback
        }
      }
    }
    next = table
    output = ends
  }

  static func isWord(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || byte >= 0x80
  }

  /// The phrase matched at the leftmost position in `line` (the earlier phrase in the list
  /// when two start at the same byte), with its 1-based byte column.
  public func firstMatch(in line: some StringProtocol) -> (phrase: String, column: Int)? {
    match(line)
  }

  /// `firstMatch` for the rules' line slices and strings: concrete entry points, so callers
  /// in other modules get the code specialised here instead of the generic one.
  public func firstMatch(in line: Substring) -> (phrase: String, column: Int)? { match(line) }
  public func firstMatch(in line: String) -> (phrase: String, column: Int)? { match(line) }

  private func match(_ line: some StringProtocol) -> (phrase: String, column: Int)? {
    var best: (index: Int, start: Int)?
    if line.utf8.withContiguousStorageIfAvailable({ scan($0, &best) }) == nil {
      Array(line.utf8).withUnsafeBufferPointer { scan($0, &best) }
    }
    return best.map { (phrases[$0.index], $0.start + 1) }
  }

  /// True when any phrase occurs in `bytes` (ASCII letters compared without case), in one
  /// pass; with `wholeWords`, only as whole words.
  public func occurs(in bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard wholeWords else {
        var state = 0
        for var byte in buffer {
          if byte >= 65 && byte <= 90 { byte += 32 }
          state = Int(next[state << 8 | Int(byte)])
          if !output[state].isEmpty { return true }
        }
        return false
      }
      var best: (index: Int, start: Int)?
      scan(buffer, &best)
      return best != nil
    }
  }

  private func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ best: inout (index: Int, start: Int)?) {
    var state = 0
    for end in 0..<bytes.count {
      var byte = bytes[end]
      if byte >= 65 && byte <= 90 { byte += 32 }
      state = Int(next[state << 8 | Int(byte)])
      // A match starting after the best one found cannot beat it; one ending later can
      // still start earlier, so the scan goes on while that is possible.
      for phrase in output[state] {
        let start = end + 1 - lengths[Int(phrase)]
        if let current = best, start > current.start || (start == current.start && Int(phrase) > current.index) { continue }
        guard start == 0 || !startsInWord[Int(phrase)] || !Self.isWord(bytes[start - 1]) else { continue }
        if endsInWord[Int(phrase)], end + 1 < bytes.count, Self.isWord(bytes[end + 1]) || bytes[end + 1] == 45 { continue }
        best = (Int(phrase), start)
      }
      if let current = best, end + 1 - current.start >= longest { break }
    }
  }
}
