import Testing
@testable import RetroCore

@Suite("Visible text")
struct VisibleTextTests {
  @Test("terminal control sequences become visible text", arguments: [
    ("title \u{1B}]0;pwned\u{07}", "title \\e]0;pwned\\x07"),
    ("erase \u{1B}[1A\u{1B}[2K line", "erase \\e[1A\\e[2K line"),
    ("hidden \u{1B}[8mtext", "hidden \\e[8mtext"),
    ("link \u{1B}]8;;http://x\u{1B}\\a\u{1B}]8;;\u{1B}\\", "link \\e]8;;http://x\\e\\a\\e]8;;\\e\\"),
    ("c1 \u{9B}31m csi", "c1 \\x9B31m csi"),
    ("del \u{7F}", "del \\x7F"),
    ("one line\nforged: error", "one line\\nforged: error"),
    ("carriage\roverwrite", "carriage\\roverwrite"),
    ("bidi \u{202E}txt.exe", "bidi \\u{202E}txt.exe"),
    ("isolate \u{2066}x\u{2069}", "isolate \\u{2066}x\\u{2069}"),
  ])
  func escapes(_ input: String, _ expected: String) {
    #expect(VisibleText.escape(input) == expected)
    #expect(VisibleText.needsEscaping(input))
  }

  @Test("ordinary text, tabs and non-ASCII letters are left alone")
  func ordinary() {
    for text in ["plain", "tab\there", "Zürich — 東京 ✓ “quoted” …", "", "€ ¢ ©", "\u{2028}"] {
      #expect(VisibleText.escape(text) == text)
      #expect(!VisibleText.needsEscaping(text))
    }
  }

  @Test("line breaks stay when the text is several lines on purpose")
  func keepingLineBreaks() {
    #expect(VisibleText.escape("a\nb\u{1B}c\r", keepingLineBreaks: true) == "a\nb\\ec\\r")
  }

  @Test("for every code point below U+00A0, the fast check and the escape agree")
  func everyLowCodePoint() {
    for value in UInt32(0)..<0xA0 {
      let scalar = Unicode.Scalar(value)!
      let text = "a" + String(Character(scalar)) + "b"
      let escaped = VisibleText.escape(text)
      #expect(VisibleText.needsEscaping(text) == (escaped != text), "U+\(String(value, radix: 16))")
      #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || (0x7F..<0xA0).contains($0.value) })
    }
  }
}
