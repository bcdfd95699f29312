/// A text with its ASCII-lowercased UTF-8 bytes, for finding ASCII labels (`owner:`, `due`,
/// `priority:`) case-insensitively without Foundation: one lowercasing, then byte searches.
/// The ranges it returns are indices of the original text.
struct CaselessText {
  let text: String
  private let lowered: [UInt8]

  init(_ text: String) {
    self.text = text
    self.lowered = ByteSearch.lowercasedASCII(text)
  }

  /// Whether the lowercase ASCII `label` occurs anywhere.
  func contains(_ label: String) -> Bool {
    ByteSearch.firstIndex(of: Array(label.utf8), in: lowered, from: 0) != nil
  }

  /// The first occurrence of the lowercase ASCII `label` at or after `start`.
  func range(of label: String, from start: String.Index? = nil) -> Range<String.Index>? {
    let utf8 = text.utf8
    let from = start.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
    let needle = Array(label.utf8)
    guard let found = ByteSearch.firstIndex(of: needle, in: lowered, from: from) else { return nil }
    let lower = utf8.index(utf8.startIndex, offsetBy: found)
    return lower..<utf8.index(lower, offsetBy: needle.count)
  }
}
