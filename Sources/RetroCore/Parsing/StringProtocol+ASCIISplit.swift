extension StringProtocol {
  /// `split(separator:maxSplits:omittingEmptySubsequences:)` on an ASCII separator, cut on
  /// bytes when the text is ASCII without CR (nearly every line a parser reads): there every
  /// byte is one character, so the pieces are the same, without the grapheme breaking that
  /// made the character split one of the parser's largest costs. Other text takes the
  /// character split, so the result is always the same.
  public func splitASCII(separator: Unicode.Scalar, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true)
    -> [Substring]
  {
    let text = Substring(self)
    let byte = UInt8(separator.value)
    guard separator.isASCII, separator != "\r", text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
      return text.split(separator: Character(separator), maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }
    return text.utf8.split(separator: byte, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
      .map { Substring($0) }
  }

  /// `splitASCII(separator:).count` (empty pieces omitted) without making the pieces: the
  /// parser counts the words of many lines.
  public func countASCIISplit(separator: Unicode.Scalar) -> Int {
    let text = Substring(self)
    let byte = UInt8(separator.value)
    guard separator.isASCII, separator != "\r", text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
      return text.split(separator: Character(separator)).count
    }
    var count = 0
    var inPiece = false
    for b in text.utf8 {
      if b == byte {
        inPiece = false
      } else if !inPiece {
        inPiece = true
        count += 1
      }
    }
    return count
  }
}
