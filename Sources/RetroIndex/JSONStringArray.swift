import RetroCore

/// Reads the JSON arrays of strings the index keeps in text columns (`["@ana","@ben"]`),
/// much faster than a general JSON decoder on tens of thousands of rows.
enum JSONStringArray {
  /// The JSON text of `list`, as the index stores lists.
  static func encode(_ list: [String]) -> String {
    JSONText.array(list)
  }

  static func parse(_ text: String?) -> [String] {
    guard var text else { return [] }
    // What the index writes is nearly always `[]` or plain strings with no escape: those are
    // cut out of the bytes directly.
    if let plain = text.withUTF8({ plainStrings($0) }) { return plain }
    return parseEscaped(text)
  }

  /// The strings of an array none of whose strings holds a backslash; nil when one does.
  private static func plainStrings(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    var result: [String] = []
    var start = -1
    for index in bytes.indices {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") { return nil }
      guard byte == UInt8(ascii: "\"") else { continue }
      if start < 0 {
        start = index + 1
      } else {
        result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        start = -1
      }
    }
    return result
  }

  private static func parseEscaped(_ text: String) -> [String] {
    var result: [String] = []
    var current: [UInt8] = []
    var inString = false
    var escaped = false
    var unicode: [UInt8] = []
    var unicodeLeft = 0
    for byte in text.utf8 {
      if unicodeLeft > 0 {
        unicode.append(byte)
        unicodeLeft -= 1
        if unicodeLeft == 0, let code = UInt32(String(decoding: unicode, as: UTF8.self), radix: 16),
          let scalar = Unicode.Scalar(code)
        {
          current.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        continue
      }
      if escaped {
        escaped = false
        switch byte {
        case UInt8(ascii: "n"): current.append(0x0A)
        case UInt8(ascii: "t"): current.append(0x09)
        case UInt8(ascii: "r"): current.append(0x0D)
        case UInt8(ascii: "b"): current.append(0x08)
        case UInt8(ascii: "f"): current.append(0x0C)
        case UInt8(ascii: "u"):
          unicode = []
          unicodeLeft = 4
        default: current.append(byte)
        }
        continue
      }
      if inString {
        if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          result.append(String(decoding: current, as: UTF8.self))
          current = []
          inString = false
        } else {
          current.append(byte)
        }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      }
    }
    return result
  }
}
