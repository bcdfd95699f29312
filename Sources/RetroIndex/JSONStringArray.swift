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
    return text.withUTF8(parse(bytes:))
  }

  /// The list in a column's bytes (`ColumnReader`), or in a string's. One pass of a small
  /// state machine; a string with no escape (nearly all) is cut out of the bytes whole, the
  /// others are decoded byte by byte.
  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var result: [String] = []
    var inString = false
    var start = 0  // where the open string's bytes begin
    var decoded: [UInt8]?  // the open string so far, once it has had an escape
    var escaped = false
    var unicode: [UInt8] = []
    var unicodeLeft = 0
    for (index, byte) in bytes.enumerated() {
      if unicodeLeft > 0 {
        unicode.append(byte)
        unicodeLeft -= 1
        if unicodeLeft == 0, let code = UInt32(String(decoding: unicode, as: UTF8.self), radix: 16),
          let scalar = Unicode.Scalar(code)
        {
          decoded?.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        continue
      }
      if escaped {
        escaped = false
        switch byte {
        case UInt8(ascii: "n"): decoded?.append(0x0A)
        case UInt8(ascii: "t"): decoded?.append(0x09)
        case UInt8(ascii: "r"): decoded?.append(0x0D)
        case UInt8(ascii: "b"): decoded?.append(0x08)
        case UInt8(ascii: "f"): decoded?.append(0x0C)
        case UInt8(ascii: "u"):
          unicode = []
          unicodeLeft = 4
        default: decoded?.append(byte)
        }
        continue
      }
      if inString {
        if byte == UInt8(ascii: "\\") {
          escaped = true
          if decoded == nil { decoded = Array(bytes[start..<index]) }
        } else if byte == UInt8(ascii: "\"") {
          if let decoded {
            result.append(String(decoding: decoded, as: UTF8.self))
          } else {
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
          }
          decoded = nil
          inString = false
        } else {
          decoded?.append(byte)
        }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
        start = index + 1
      }
    }
    return result
  }
}
