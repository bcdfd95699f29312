import Testing

@testable import RetroLint

@Suite("Did you mean: the nearest known name")
struct NearestNameTests {
  @Test(
    "a typo finds the name meant",
    arguments: [
      ("vague_actio_item", "vague_action_item"), ("blaming_langauge", "blaming_language"),
      ("MISSING_SECTION", "missing_section"), ("missing_sectoin", "missing_section"),
      ("action_item_ownr", "action_item_owner"),
    ])
  func typo(_ pair: (String, String)) {
    #expect(NearestName.suggestion(for: pair.0, among: RuleRegistry.identifiers) == pair.1)
  }

  @Test("a word far from every name gets no suggestion", arguments: ["owner", "x", "no_such_thing_at_all", ""])
  func noSuggestion(_ typed: String) {
    #expect(NearestName.suggestion(for: typed, among: RuleRegistry.identifiers) == nil)
  }

  @Test("the distance counts a swap of neighbours as one edit")
  func distance() {
    #expect(NearestName.distance(Array("ab"), Array("ba")) == 1)
    #expect(NearestName.distance(Array("kitten"), Array("sitting")) == 3)
    #expect(NearestName.distance(Array(""), Array("abc")) == 3)
    #expect(NearestName.hint(for: "zzz", among: ["abc"]) == "")
  }
}
