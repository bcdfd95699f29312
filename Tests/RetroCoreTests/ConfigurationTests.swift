import Testing
@testable import RetroCore

@Suite("Configuration file")
struct ConfigurationTests {
  @Test("reads time zone, day/month order and vocabulary")
  func reads() throws {
    let file = try ConfigurationFile.parse(
      "timezone: Europe/Berlin\ndateOrder: month-first\nvocabulary:\n  impact: [Blast radius]\n", path: ".retro.yml")
    #expect(file.parser.defaultTimeZone == "Europe/Berlin")
    #expect(file.parser.dateOrder == .monthFirst)
    #expect(file.parser.vocabulary[.impact] == ["Blast radius"])
  }

  @Test("a bad value is an error naming the key and its line")
  func badValue() {
    #expect(throws: InputError(path: ".retro.yml", line: 2, column: 1, message: "'dateOrder' must be day-first or month-first")) {
      try ConfigurationFile.parse("timezone: UTC\ndateOrder: sideways\n", path: ".retro.yml")
    }
    #expect(throws: InputError.self) {
      try ConfigurationFile.parse("vocabulary:\n  impacts: [x]\n", path: ".retro.yml")
    }
  }
}
