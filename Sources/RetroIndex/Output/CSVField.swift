/// One field of retro's CSV outputs (`actions --format csv` and `jira-csv`), written by bytes:
/// Foundation's replacing was the slowest part of a long listing.
///
/// A field is quoted as RFC 4180 asks (with its quotes doubled) when it holds a comma, a
/// quote or a line break. A field a spreadsheet would run as a formula, one that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's list for CSV injection), gets a `'`
/// in front, which spreadsheets read as "this is text" and do not show; a number such as
/// `-3` stays a number.
public enum CSVField {
  /// `value` as one field.
  public static func text(_ value: String) -> String {
    var bytes: [UInt8] = []
    append(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `value` as one field to `out`.
  public static func append(_ value: String, to out: inout [UInt8]) {
    var value = value
    value.withUTF8 { utf8 in
      let guarded = startsFormula(utf8)
      let needsQuotes = utf8.contains { (byte: UInt8) -> Bool in
        byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D  // , " LF CR
      }
      guard needsQuotes else {
        if guarded { out.append(0x27) }
        out.append(contentsOf: utf8)
        return
      }
      out.append(0x22)
      if guarded { out.append(0x27) }
      for byte in utf8 {
        out.append(byte)
        if byte == 0x22 { out.append(0x22) }
      }
      out.append(0x22)
    }
  }

  /// Whether a spreadsheet would read `utf8` as a formula: it starts with `= + - @`, a tab or
  /// a carriage return, and is not simply a whole number such as `-3` or `+1`.
  static func startsFormula(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = utf8.first else { return false }
    switch first {
    case 0x3D, 0x40, 0x09, 0x0D: return true  // = @ tab CR
    case 0x2B, 0x2D:  // + -
      let digits = utf8.dropFirst()
      return digits.isEmpty || !digits.allSatisfy { (0x30...0x39).contains($0) }
    default: return false
    }
  }
}
