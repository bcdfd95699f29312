/// The parts of a list item's first line, by UTF-8 byte offset: `  - [ ] text`, `1. text`.
struct ListItemLine {
  /// Where the marker's following spaces end (the box or the text starts).
  var contentStart: Int
  /// The task box, when there is one that a reader recognises (malformed ones included).
  var box: Range<Int>?
  /// Where the item's text starts, after the box and its spaces.
  var textStart: Int

  static let boxes: [[UInt8]] = ["[ ]", "[x]", "[X]", "[]", "[*]", "[-]", "[✓]"].map { Array($0.utf8) }

  init?(_ line: Substring) {
    let bytes = Array(line.utf8)
    var index = 0
    while index < bytes.count, bytes[index] == 0x20, index < 12 { index += 1 }
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "+") {
      index += 1
    } else {
      let digitsStart = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - digitsStart < 9 { index += 1 }
      guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
      else { return nil }
      index += 1
    }
    let afterMarker = index
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    guard index > afterMarker, index < bytes.count else { return nil }
    contentStart = index
    box = nil
    for candidate in Self.boxes where bytes[index...].starts(with: candidate) {
      let end = index + candidate.count
      guard end == bytes.count || bytes[end] == 0x20 || bytes[end] == 0x09 else { continue }
      box = index..<end
      index = end
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
      break
    }
    textStart = index
  }
}
