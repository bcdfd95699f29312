import Testing
@testable import RetroIndex

@Suite("The index's JSON lists")
struct JSONStringArrayTests {
  @Test(
    "a list reads back as written, by the plain path and by the escaped one",
    arguments: [
      [], [""], ["@ana"], ["@ana", "@ben"], ["OPS-1", "https://example.com/a?b=1,2"], ["naïve", "東京", "😀 emoji"],
      ["say \"hi\""], ["back\\slash", "plain"], ["line\nbreak\ttab"], ["\u{1}control"], ["[", "]", ","],
    ])
  func roundTrip(_ list: [String]) {
    #expect(JSONStringArray.parse(JSONStringArray.encode(list)) == list)
  }

  @Test(
    "malformed text reads as the byte-by-byte state machine reads it: only closed strings count",
    arguments: [
      ("[\"abc", []), ("[\"a\\", []), ("[\"a\\\"", []), ("\"", []), ("[\"a\",\"b", ["a"]), ("[\"\\u00", []),
      ("junk", []), ("[\"x\\/y\"]", ["x/y"]), ("\"\"", [""]), ("[]", []), ("", []), ("[\"\"]", [""]),
    ] as [(String, [String])])
  func malformed(_ text: String, _ expected: [String]) {
    #expect(JSONStringArray.parse(text) == expected)
    var copy = text
    #expect(copy.withUTF8 { JSONStringArray.parse(bytes: $0) } == expected)
  }

  @Test("nothing and an empty list read as no items")
  func empty() {
    #expect(JSONStringArray.parse(nil) == [])
    #expect(JSONStringArray.parse("[]") == [])
  }
}
