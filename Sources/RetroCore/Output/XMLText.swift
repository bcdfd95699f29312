/// Report text made fit for an XML 1.0 document (the Atom feed, SVG charts, checkstyle).
///
/// XML 1.0 allows no control character but tab, LF and CR, not even as a character
/// reference (`&#1;` is as fatal as the raw byte), and not the non-characters U+FFFE and
/// U+FFFF: one such character in a title makes the whole document something a feed reader
/// or CI tool refuses. They are made visible text instead of dropped, so a reader sees
/// that something was there: controls as `VisibleText` writes them (`\x01`, `\e`), the
/// non-characters as `\u{FFFE}`. The XML escapes (`&`, `<`, …) are the caller's, after this.
public enum XMLText {
  public static func visible(_ text: some StringProtocol) -> String {
    let escaped = VisibleText.escape(text)
    guard escaped.unicodeScalars.contains(where: isNonCharacter) else { return escaped }
    var out = ""
    out.reserveCapacity(escaped.utf8.count + 16)
    for scalar in escaped.unicodeScalars {
      if isNonCharacter(scalar) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func isNonCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0xFFFE || scalar.value == 0xFFFF
  }
}
