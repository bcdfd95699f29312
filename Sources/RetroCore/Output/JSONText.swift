/// JSON string literals written by hand, byte for byte as Foundation's `JSONEncoder` writes
/// them (a quote, backslash and control characters escaped; `/` escaped unless
/// `.withoutEscapingSlashes`; everything else as it is). The lint JSON reporter and the index's
/// JSON list columns use it where the encoder's set-up per value was their main cost; tests
/// compare the bytes with the encoder's.
public enum JSONText {
  public static func appendString(_ text: String, to out: inout [UInt8], escapingSlashes: Bool) {
    out.append(0x22)
    for byte in text.utf8 {
      switch byte {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x2F where escapingSlashes: out += [0x5C, 0x2F]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case 0x08: out += [0x5C, 0x62]
      case 0x0C: out += [0x5C, 0x66]
      case 0x00..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      default: out.append(byte)
      }
    }
    out.append(0x22)
  }

  /// `["a","b"]`, as `JSONEncoder()` with its default options writes an array of strings.
  public static func array(_ strings: [String]) -> String {
    var out: [UInt8] = [0x5B]
    for (index, string) in strings.enumerated() {
      if index > 0 { out.append(0x2C) }
      appendString(string, to: &out, escapingSlashes: true)
    }
    out.append(0x5D)
    return String(decoding: out, as: UTF8.self)
  }

  private static let hex = Array("0123456789abcdef".utf8)
}
