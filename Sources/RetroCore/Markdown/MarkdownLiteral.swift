/// Text written into a Markdown file so that it reads back as the same words and nothing
/// more: every ASCII punctuation character that can open markup (emphasis, links, HTML,
/// code, tables, Liquid and Hugo's `{{ }}`) is backslash-escaped, which CommonMark turns
/// back into the character, and line breaks become spaces.
public enum MarkdownLiteral {
  static let escaped: Set<UInt8> = Set("\\`*_[]<>|{}#!~&$".utf8)

  public static func escape(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 8)
    var lastWasSpace = false
    for byte in text.utf8 {
      if byte == 0x0A || byte == 0x0D || byte == 0x09 {
        if !lastWasSpace { bytes.append(0x20) }
        lastWasSpace = true
        continue
      }
      if byte < 0x20 || byte == 0x7F { continue }
      if escaped.contains(byte) { bytes.append(UInt8(ascii: "\\")) }
      bytes.append(byte)
      lastWasSpace = byte == 0x20
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
