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
    // What the index writes is `[]`, plain strings, or strings with one-letter escapes (`\/`
    // in every URL, `\"`): those are cut out of the bytes directly; `\u` goes the long way.
    if let plain = text.withUTF8({ shortEscapes($0) }) { return plain }
    return parseEscaped(text)
  }

  /// The list in a column's bytes (`ColumnReader`).
  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    if bytes.count == 2, bytes[0] == UInt8(ascii: "["), bytes[1] == UInt8(ascii: "]") { return [] }
    return shortEscapes(bytes) ?? parseEscaped(String(decoding: bytes, as: UTF8.self))
  }

  /// The strings of an array with no `\u` escape; nil when there is one.
  private static func shortEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    var result: [String] = []
    var index = 0
    var scratch: [UInt8] = []
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "\"") else {
        index += 1
        continue
      }
      let start = index + 1
      var end = start
      var escaped = false
      while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
        if bytes[end] == UInt8(ascii: "\\") {
          escaped = true
          end += 1
        }
        end += 1
      }
      // An unclosed string is not what the index writes: the long way decides.
      guard end < bytes.count else { return nil }
      if !escaped {
        result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
      } else {
        scratch.removeAll(keepingCapacity: true)
        var position = start
        while position < end {
          var byte = bytes[position]
          if byte == UInt8(ascii: "\\"), position + 1 < end {
            position += 1
            switch bytes[position] {
            case UInt8(ascii: "n"): byte = 0x0A
            case UInt8(ascii: "t"): byte = 0x09
            case UInt8(ascii: "r"): byte = 0x0D
            case UInt8(ascii: "b"): byte = 0x08
            case UInt8(ascii: "f"): byte = 0x0C
            case UInt8(ascii: "u"): return nil
            case let other: byte = other
            }
          }
          scratch.append(byte)
          position += 1
        }
        result.append(String(decoding: scratch, as: UTF8.self))
      }
      index = end + 1
    }
    return result
  }

  static func parseEscaped(_ text: String) -> [String] {
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
