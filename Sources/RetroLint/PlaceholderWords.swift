/// Placeholder words (`TODO`, `TBD`, a team's `FILL ME IN`), found as written, case and all,
/// as whole words: `todo list` and `TODOs` are no placeholders. The bytes of each word and
/// the bytes words start with are kept, so a line is searched without making strings.
public struct PlaceholderWords: Sendable {
  public let words: [String]
  private let needles: [[UInt8]]
  /// A line holding none of these bytes holds no word.
  private let firstBytes: [UInt8]

  public init(_ words: [String]) {
    self.words = words.filter { !$0.isEmpty }
    self.needles = self.words.map { Array($0.utf8) }
    self.firstBytes = Array(Set(needles.map { $0[0] })).sorted()
  }

  /// The first word of the list found in `line`, with its 1-based byte column.
  public func find(in line: Substring) -> (String, Int)? {
    guard line.utf8.contains(where: { firstBytes.contains($0) }) else { return nil }
    func isLetter(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
      for (word, needle) in zip(words, needles) where needle.count <= bytes.count {
        var found = 0
        while found <= bytes.count - needle.count {
          if bytes[found] == needle[0], (1..<needle.count).allSatisfy({ bytes[found + $0] == needle[$0] }) {
            let end = found + needle.count
            // A word edge only where the word itself has a letter: `[insert` may follow one.
            let startsClean = !isLetter(needle[0]) || found == 0 || !isLetter(bytes[found - 1])
            let endsClean = !isLetter(needle[needle.count - 1]) || end >= bytes.count || !isLetter(bytes[end])
            if startsClean && endsClean { return (word, found + 1) }
          }
          found += 1
        }
      }
      return nil
    }
    if let result = line.utf8.withContiguousStorageIfAvailable(find) { return result }
    return Array(line.utf8).withUnsafeBufferPointer(find)
  }
}
