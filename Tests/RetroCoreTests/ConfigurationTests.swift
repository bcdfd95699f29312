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
    #expect(
      throws: InputError(
        path: ".retro.yml", line: 2, column: 1, message: "'dateOrder' must be day-first or month-first", excerpt: "dateOrder: sideways")
    ) {
      try ConfigurationFile.parse("timezone: UTC\ndateOrder: sideways\n", path: ".retro.yml")
    }
    #expect(throws: InputError.self) {
      try ConfigurationFile.parse("vocabulary:\n  impacts: [x]\n", path: ".retro.yml")
    }
  }

  @Test("an error about an entry under a key is at the entry, with the line and a caret")
  func entryPlace() throws {
    do {
      _ = try ConfigurationFile.parse("timezone: UTC\nvocabulary:\n  impact: [x]\n  impacts: [y]\n", path: ".retro.yml")
      Issue.record("an unknown kind must be an error")
    } catch let error as InputError {
      #expect(error.line == 4 && error.column == 3)
      #expect(error.description.hasSuffix("\n 4 |   impacts: [y]\n   |   ^"))
    }
    // A flow map: the entry on the key's own line, found past the key.
    let text = "vocabulary: {impact: [a], impacts: [b]}\n"
    let place = ConfigurationFile.place(of: "impacts", in: text, under: 1, from: (1, 1))
    #expect(place?.line == 1 && place?.column == 27)
    // Each entry of a path is looked for after the one before.
    let nested = "phrases:\n  a_rule:\n    add: [x]\n  b_rule:\n    add: [y]\n"
    var file = ConfigurationFile()
    file.source = nested
    file.keyLines = ["phrases": 1]
    let error = file.error(key: "phrases", at: ["b_rule", "add"], "is wrong")
    #expect(error.line == 5 && error.column == 5)
  }

  @Test("a YAML error in the configuration says so, not 'front matter'")
  func yamlError() {
    do {
      _ = try ConfigurationFile.parse("timezone: UTC\n  bad: indent\n", path: ".retro.yml")
      Issue.record("bad YAML must be an error")
    } catch let error as InputError {
      #expect(error.message.hasPrefix("the configuration is not valid YAML"))
      #expect(error.line == 2 && error.excerpt == "  bad: indent")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
