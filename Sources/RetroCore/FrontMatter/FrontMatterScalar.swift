/// A string written as one front-matter scalar that reads back as exactly that string.
///
/// `retro new` fills template slots with what the user typed (`--severity "P1: critical"`,
/// `--author "Jane Doe #ops"`); written as they are, `: ` and ` #` would end or cut the value.
/// A YAML value is left plain only when it is plain words that YAML reads back as the same
/// string (not a number, a date, a boolean or null); anything else is double-quoted. The
/// double-quoted form escapes only what both YAML and TOML basic strings escape alike, so it
/// serves both.
public enum FrontMatterScalar {
  /// `value` as a YAML scalar: plain when that reads back the same, else double-quoted.
  public static func yaml(_ value: String) -> String {
    isPlain(value) ? value : doubleQuoted(value)
  }

  /// `value` in double quotes, escaped.
  public static func doubleQuoted(_ value: String) -> String {
    "\"" + doubleQuotedContent(value) + "\""
  }

  /// `value` escaped for the inside of a double-quoted YAML or TOML basic string: `\` and
  /// `"`, and every character YAML does not allow raw (C0 and C1 controls, DEL, the Unicode
  /// line and paragraph separators, which YAML reads as line breaks, a byte-order mark and
  /// the non-characters U+FFFE and U+FFFF) as `\n`, `\t`, `\r` or `\uXXXX`.
  public static func doubleQuotedContent(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
      switch scalar.value {
      case 0x5C: out += "\\\\"
      case 0x22: out += "\\\""
      case 0x0A: out += "\\n"
      case 0x09: out += "\\t"
      case 0x0D: out += "\\r"
      case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Plain words: ASCII letters and digits with single spaces, `-`, `_`, `.` and `/` between,
  /// starting with a letter, and read by YAML as this very string. Other readers of the
  /// file (Jekyll's YAML 1.1) take `yes`, `no`, `on` and `off` for booleans, so those are quoted.
  static func isPlain(_ value: String) -> Bool {
    guard let first = value.utf8.first, let last = value.utf8.last, isLetterByte(first), isWordByte(last) else {
      return false
    }
    var previous: UInt8 = 0
    for byte in value.utf8 {
      let allowed = isWordByte(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F || byte == 0x20
      if !allowed || (byte == 0x20 && previous == 0x20) { return false }
      previous = byte
    }
    guard !["y", "yes", "n", "no", "true", "false", "on", "off", "null"].contains(value.lowercased()) else { return false }
    let table = try? YAMLFrontMatterReader.read("value: \(value)", path: "", firstLine: 1)
    return table?["value"] == .string(value)
  }

  private static func isLetterByte(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}
