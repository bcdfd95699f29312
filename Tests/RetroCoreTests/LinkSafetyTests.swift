import Testing

@testable import RetroCore

/// `HTMLRenderer.isSafe` reads a destination as the browser will follow it: character
/// references decoded, whitespace and controls not hiding the scheme.
@Suite("Link destinations are judged as the browser reads them")
struct LinkSafetyTests {
  @Test("Schemes spelt with character references are still the scheme", arguments: [
    "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "&#106avascript:alert(1)", "javascript&#58;alert(2)",
    "javascript&colon;alert(3)", "java&Tab;script:alert(1)", "java&NewLine;script:alert(1)", "&amp;#106;avascript:alert(1)",
    "javascript&#x3A;alert(1)", "&#32;javascript:alert(1)", "\tjavascript:alert(1)", "data&colon;text/html,hi",
    "javascript&unknownname;alert(1)",
  ])
  func unsafe(_ destination: String) {
    #expect(!HTMLRenderer.isSafe(destination))
  }

  @Test("Ordinary links stay safe", arguments: [
    "https://example.org/?a=1&b=2", "https://example.org/a&amp;b", "/posts/x#y:z", "mailto:a@example.org",
    "relative/page.html", "#fragment", "https://example.org/&#35;x",
  ])
  func safe(_ destination: String) {
    #expect(HTMLRenderer.isSafe(destination))
  }

  @Test("Decoding: numeric, hex, named, and again until none is left")
  func decoding() {
    #expect(CharacterReference.decode("&#106;&#x61;&colon;&amp;lpar;") == "ja:(")
    #expect(CharacterReference.decode("a&b=c") == "a&b=c")
    #expect(CharacterReference.decode("&nosuchname;") == nil)
  }
}
