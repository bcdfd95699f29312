import Testing
@testable import RetroCore

@Suite("Splitting on an ASCII separator by bytes")
struct ASCIISplitTests {
  static let texts = [
    "", " ", "\n", "a", "a b  c ", " lead and trail ", "one\ntwo\n\nthree\n", "10:30:00", "a,b,,c", "x-y--z",
    // Non-ASCII: a combining mark after a separator glues to it, CR LF is one character.
    "café au lait", "e \u{301}x y", "line\r\nnext\nlast", "a\n\u{301}b", "emoji 👩‍💻 here", "tab\tsep ar ated",
  ]

  @Test("the same pieces as the character split, for every separator and option", arguments: texts)
  func sameAsCharacterSplit(_ text: String) {
    for separator: Unicode.Scalar in [" ", "\n", ":", ",", "-"] {
      for omitting in [true, false] {
        for maxSplits in [0, 1, 2, Int.max] {
          let ours = text.splitASCII(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
          let theirs = text.split(separator: Character(separator), maxSplits: maxSplits, omittingEmptySubsequences: omitting)
          #expect(ours == theirs, "\(text.debugDescription) on \(separator.escaped(asASCII: true))")
          let sub = Substring(text)
          #expect(sub.splitASCII(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting) == theirs)
        }
      }
    }
  }
}

extension ASCIISplitTests {
  @Test("counting the pieces is the character split's count", arguments: texts)
  func countSameAsCharacterSplit(_ text: String) {
    for separator: Unicode.Scalar in [" ", "\n", ":", ",", "-"] {
      #expect(text.countASCIISplit(separator: separator) == text.split(separator: Character(separator)).count)
    }
  }
}
