/// Decodes HTML character references (`&#106;`, `&#x6A;`, `&colon;`) the way a Markdown
/// generator or a browser would before it reads a link's scheme, so a filter sees the
/// destination the reader's browser will follow.
public enum CharacterReference {
  /// Named references a scheme can be spelt with (the punctuation and whitespace of a URL).
  static let named: [String: String] = [
    "colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "bsol": "\\", "period": ".", "lpar": "(",
    "rpar": ")", "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": "\u{A0}",
    "num": "#", "excl": "!", "quest": "?", "percnt": "%", "equals": "=", "commat": "@", "plus": "+",
    "comma": ",", "lowbar": "_", "hyphen": "-", "dash": "-", "dollar": "$", "semi": ";", "ast": "*",
    "lsqb": "[", "rsqb": "]", "lbrack": "[", "rbrack": "]", "lcub": "{", "rcub": "}", "verbar": "|",
    "grave": "`", "tilde": "~", "hat": "^",
  ]

  /// `text` with every reference decoded, again until none is left (`&amp;#106;` is `j` to a
  /// browser reading a generator's output); nil when it holds a named reference not known
  /// here, which the caller should take as unsafe.
  public static func decode(_ text: String) -> String? {
    var current = text
    for _ in 0..<8 {
      guard let next = decodeOnce(current) else { return nil }
      if next == current { return current }
      current = next
    }
    return nil
  }

  static func decodeOnce(_ text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      guard scalars[i] == "&", i + 1 < scalars.count else {
        out.append(scalars[i])
        i += 1
        continue
      }
      if scalars[i + 1] == "#" {
        // Numeric, `;` optional (browsers read `&#106avascript:` too).
        var j = i + 2
        let hex = j < scalars.count && (scalars[j] == "x" || scalars[j] == "X")
        if hex { j += 1 }
        let digitsStart = j
        while j < scalars.count, hex ? scalars[j].properties.isASCIIHexDigit : ("0"..."9").contains(scalars[j]) { j += 1 }
        guard j > digitsStart else {
          out.append(scalars[i])
          i += 1
          continue
        }
        let digits = String(String.UnicodeScalarView(scalars[digitsStart..<j]))
        let value = UInt32(digits.suffix(8), radix: hex ? 16 : 10) ?? 0xFFFD
        out.append(Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}")
        if j < scalars.count, scalars[j] == ";" { j += 1 }
        i = j
        continue
      }
      // Named: `&` letters/digits `;`.
      var j = i + 1
      while j < scalars.count, scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]), scalars[j].isASCII { j += 1 }
      guard j > i + 1, j < scalars.count, scalars[j] == ";" else {
        out.append(scalars[i])
        i += 1
        continue
      }
      let name = String(String.UnicodeScalarView(scalars[(i + 1)..<j])).lowercased()
      guard let value = named[name] else { return nil }
      out.append(contentsOf: value.unicodeScalars)
      i = j + 1
    }
    return String(out)
  }
}
