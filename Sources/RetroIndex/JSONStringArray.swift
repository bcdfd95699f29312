import RetroCore

/// Reads the JSON arrays of strings the index keeps in text columns (`["@ana","@ben"]`),
/// much faster than a general JSON decoder on tens of thousands of rows.
enum JSONStringArray {
  /// The JSON text of `list`, as the index stores lists.
  static func encode(_ list: [String]) -> String {
    JSONText.array(list)
  }

  static func parse(_ text: String?) -> [String] {
    guard let text else { return [] }
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
