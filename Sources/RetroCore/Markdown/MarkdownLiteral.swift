/// Text written into a Markdown file so that it reads back as the same words and nothing
/// more: every ASCII punctuation character that can open markup (emphasis, links, HTML,
/// code, tables, Liquid's `{{ }}` and `{% %}`, Hugo's shortcodes) is backslash-escaped,
/// which CommonMark turns back into the character; line breaks (and the Unicode line and
/// paragraph separators) become spaces; control characters and the bidirectional overrides
/// that would make a line display other than it reads are left out.
public enum MarkdownLiteral {
  static let escaped: Set<UInt8> = Set("\\`*_[]<>|{}#!~&$%".utf8)

  /// `limit`: at most that many characters, the rest cut at a word's end with `…`.
  public static func escape(_ text: String, limit: Int? = nil) -> String {
    var kept = ""
    kept.reserveCapacity(text.utf8.count)
    var count = 0
    var lastWasSpace = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value == 0x0A || value == 0x0D || value == 0x09 || value == 0x2028 || value == 0x2029 || value == 0x85 {
        if !lastWasSpace { kept.unicodeScalars.append(" ") }
        lastWasSpace = true
        continue
      }
      if value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        || value == 0x200E || value == 0x200F
      {
        continue
      }
      if let limit, count >= limit {
        while let last = kept.last, !last.isWhitespace, count > limit / 2 {
          kept.removeLast()
          count -= 1
        }
        kept = kept.trimmingWhitespace() + " …"
        return kept
      }
      if value < 0x80, escaped.contains(UInt8(value)) { kept.unicodeScalars.append("\\") }
      kept.unicodeScalars.append(scalar)
      lastWasSpace = value == 0x20
      count += 1
    }
    return kept
  }
}
