import Foundation

extension StringProtocol {
  /// `trimmingCharacters(in: .whitespaces)`, without Foundation when both ends are plain
  /// ASCII: the parser trims nearly every line it reads, and Foundation's trim bridges the
  /// text to UTF-16 first. Anything else (a Unicode space at an end) takes Foundation's path,
  /// so the result is always the same.
  public func trimmingWhitespace() -> String {
    trimmingASCII(newlines: false) ?? trimmingCharacters(in: .whitespaces)
  }

  /// `trimmingCharacters(in: .whitespacesAndNewlines)`, the same way.
  public func trimmingWhitespaceAndNewlines() -> String {
    trimmingASCII(newlines: true) ?? trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The text without `characters` (ASCII only) at either end.
  public func trimmingASCII(_ characters: String) -> String {
    let set = Array(characters.utf8)
    let text = Substring(self)
    let utf8 = text.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, set.contains(utf8[start]) { start = utf8.index(after: start) }
    while start < end, set.contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
    return String(text[start..<end])
  }

  private func trimmingASCII(newlines: Bool) -> String? {
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || (newlines && (byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C))
    }
    let text = Substring(self)
    let utf8 = text.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
    while start < end, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
    guard start < end else { return "" }
    // A non-ASCII byte at an end may be a Unicode space: Foundation decides then.
    guard utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 else { return nil }
    return String(text[start..<end])
  }
}
