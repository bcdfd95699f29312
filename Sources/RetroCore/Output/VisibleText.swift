/// Report text made safe to print where a person reads it: a terminal, a CI log, a chat post.
///
/// A report may come from anyone (a pull request linted in CI), and a terminal obeys control
/// sequences: `ESC ]0;` retitles the window, `ESC [1A ESC [2K` erases the line above (a
/// finding), `ESC [8m` hides text, and a raw line break in a one-line field forges a line of
/// output. Every C0 control but tab, DEL, every C1 control and the bidirectional overrides
/// that reorder what is shown (the "Trojan Source" characters) are written as visible
/// escapes instead: `\e` for ESC, `\n`, `\r`, and `\x07` or `\u{202E}` for the rest.
/// Machine formats (JSON, SARIF, checkstyle) escape by their own rules instead.
public enum VisibleText {
  /// `text` with every control made visible. Line breaks too, unless `keepingLineBreaks`
  /// (for text that is several lines on purpose, like a section's body).
  public static func escape(_ text: some StringProtocol, keepingLineBreaks: Bool = false) -> String {
    let string = String(text)
    guard needsEscaping(string.utf8, keepingLineBreaks: keepingLineBreaks) else { return string }
    var out = ""
    out.reserveCapacity(string.utf8.count + 16)
    for scalar in string.unicodeScalars {
      if keepingLineBreaks && scalar == "\n" {
        out.unicodeScalars.append(scalar)
      } else if let visible = visible(scalar) {
        out += visible
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether `text` holds anything `escape` would change: a quick byte scan, since almost
  /// all text holds nothing of the kind.
  public static func needsEscaping(_ text: some StringProtocol, keepingLineBreaks: Bool = false) -> Bool {
    needsEscaping(String(text).utf8, keepingLineBreaks: keepingLineBreaks)
  }

  private static func needsEscaping(_ bytes: String.UTF8View, keepingLineBreaks: Bool) -> Bool {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in bytes {
      if byte < 0x20 {
        if byte != 0x09 && !(keepingLineBreaks && byte == 0x0A) { return true }
      } else if byte == 0x7F {
        return true
      } else if previous == 0xC2 && (0x80...0x9F).contains(byte) {
        return true  // C1 control, U+0080 to U+009F
      } else if beforePrevious == 0xE2 && (previous == 0x80 || previous == 0x81) {
        // U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069
        let scalar = 0x2000 | (UInt32(previous & 0x3F) << 6) | UInt32(byte & 0x3F)
        if isDirectionControl(scalar) { return true }
      }
      beforePrevious = previous
      previous = byte
    }
    return false
  }

  /// `text` with every GitHub Actions workflow command in it made inert, for output read
  /// in a CI log. The runner reads a line as a command when it starts with `::` after any
  /// leading white space (`::error file=…::…` plants an annotation, `::add-mask::` hides
  /// text), and the older form `##[error]` wherever `##[` appears in the line. So a report
  /// title printed first, or a report line printed indented, could forge one. Such a `::` is
  /// written `\:\:`, and every `##[` is written `\#\#[`, which a reader still reads.
  /// retro's own human-readable output never holds either.
  public static func inertWorkflowCommands(_ text: String) -> String {
    guard mayHoldWorkflowCommand(text.utf8) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    let scalars = Array(text.unicodeScalars)
    var atLineStart = true
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      if scalar == "#", next == "#", index + 2 < scalars.count, scalars[index + 2] == "[" {
        out += "\\#\\#["
        index += 3
        atLineStart = false
        continue
      }
      if atLineStart, scalar == ":", next == ":" {
        out += "\\:\\:"
        index += 2
        atLineStart = false
        continue
      }
      // An escape sequence (retro's own colour, `ESC [ … m`) is kept whole and does not end
      // a line's start: a runner that strips colours before it looks for a command would
      // otherwise find one right after it.
      if scalar == "\u{1B}", next == "[" {
        var end = index + 2
        while end < scalars.count, (0x30...0x3F).contains(scalars[end].value) || (0x20...0x2F).contains(scalars[end].value) { end += 1 }
        if end < scalars.count { end += 1 }
        for i in index..<end { out.unicodeScalars.append(scalars[i]) }
        index = end
        continue
      }
      out.unicodeScalars.append(scalar)
      if scalar == "\n" || scalar == "\r" {
        atLineStart = true
      } else if !scalar.properties.isWhitespace {
        atLineStart = false
      }
      index += 1
    }
    return out
  }

  /// A quick byte scan: does `text` hold `::` or `##[` anywhere?
  private static func mayHoldWorkflowCommand(_ bytes: String.UTF8View) -> Bool {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in bytes {
      if byte == 0x3A && previous == 0x3A { return true }
      if byte == 0x5B && previous == 0x23 && beforePrevious == 0x23 { return true }
      beforePrevious = previous
      previous = byte
    }
    return false
  }

  private static func isDirectionControl(_ value: UInt32) -> Bool {
    (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E
      || value == 0x200F
  }

  private static func visible(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x09: return nil
    case 0x1B: return "\\e"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x00..<0x20, 0x7F...0x9F: return "\\x" + hex(scalar.value, digits: 2)
    case let value where isDirectionControl(value): return "\\u{" + hex(value, digits: 4) + "}"
    default: return nil
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
