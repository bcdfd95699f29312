import RetroCore
import Testing
@testable import RetroLint

@Suite("Lint configuration")
struct LintConfigurationTests {
  static func load(_ text: String) throws -> LintConfiguration {
    try LintConfiguration.from(try ConfigurationFile.parse(text, path: ".retro.yml"), knownRules: RuleRegistry.identifiers)
  }

  @Test("reads scales, thresholds, required sections, rules and ignore patterns")
  func reads() throws {
    let configuration = try Self.load("""
      requiredSections: [summary, timeline]
      severityScale: [P1, P2]
      summaryMaxWords: 80
      rules:
        placeholder_text: off
        action_item_owner: error
      ignore: ["drafts/**", "*.tmp.md"]
      """)
    #expect(configuration.requiredSections == [.summary, .timeline])
    #expect(configuration.severityScale == ["P1", "P2"])
    #expect(configuration.summaryMaxWords == 80)
    #expect(configuration.rules["placeholder_text"] == .off)
    #expect(configuration.rules["action_item_owner"] == .severity(.error))
    #expect(configuration.isIgnored("drafts/2024/x.md"))
    #expect(configuration.isIgnored("retros/a.tmp.md"))
    #expect(!configuration.isIgnored("retros/a.md"))
  }

  @Test("ignore patterns: * within a folder, ** across folders, **/ whole folders, runs of * as **, and a length bound")
  func ignorePatterns() throws {
    let configuration = try Self.load("ignore: [\"docs/**/x.md\", \"a/*.md\", \"b/***.md\", \"q/?.md\"]")
    #expect(configuration.isIgnored("docs/x.md") && configuration.isIgnored("docs/1/2/x.md"))
    #expect(!configuration.isIgnored("docs/ax.md"))
    #expect(configuration.isIgnored("a/r.md") && !configuration.isIgnored("a/b/r.md"))
    #expect(configuration.isIgnored("b/c/d.md"))
    #expect(configuration.isIgnored("q/z.md") && !configuration.isIgnored("q/zz.md"))
    let long = "ignore: [\"" + String(repeating: "*", count: 1_001) + "\"]"
    #expect(throws: InputError.self) { try Self.load(long) }
  }

  @Test("an unknown key, an unknown rule and a bad value name the key and its line")
  func errors() {
    #expect(throws: InputError.self) { try Self.load("timezone: UTC\nsevrityScale: [a]\n") }
    let unknownKey = #expect(throws: InputError.self) { try Self.load("timezone: UTC\nsevrityScale: [a]\n") }
    #expect(unknownKey?.line == 2)
    #expect(unknownKey?.message.contains("'sevrityScale' is not a setting") == true)
    let unknownRule = #expect(throws: InputError.self) { try Self.load("rules:\n  no_such_rule: off\n") }
    #expect(unknownRule?.message.contains("unknown rule 'no_such_rule'") == true)
    #expect(unknownRule?.line == 2, "at the rule's own line")
    let badType = #expect(throws: InputError.self) { try Self.load("summaryMaxWords: many\n") }
    #expect(badType?.message == "'summaryMaxWords' must be a positive whole number")
    #expect(throws: InputError.self) { try Self.load("rules:\n  placeholder_text: loud\n") }
  }

  @Test("profiles: the default is standard; profile:, profiles: by path, optInRules: and rules: decide in that order")
  func profiles() throws {
    let owner = ActionItemOwnerRule.description  // convention
    let impact = ImpactNotQuantifiedRule.description  // opt-in
    let vague = VagueActionItemRule.description  // standard
    let none = LintConfiguration()
    #expect(none.severity(of: vague, path: "a.md") == .warning)
    #expect(none.severity(of: owner, path: "a.md") == nil)
    #expect(none.severity(of: impact, path: "a.md") == nil)

    let configuration = try Self.load("""
      profile: internal
      profiles:
        published: ["blog/**"]
        strict: ["audits/*.md"]
      optInRules: [impact_not_quantified, action_item_owner]
      rules:
        vague_action_item: off
      """)
    #expect(configuration.profile(for: "retros/a.md") == .internal)
    #expect(configuration.profile(for: "blog/2024/a.md") == .published)
    #expect(configuration.profile(for: "audits/a.md") == .strict)
    #expect(configuration.severity(of: owner, path: "retros/a.md") == .warning)
    // A public write-up keeps the internal conventions off, even opted in; other opt-ins work.
    #expect(configuration.severity(of: owner, path: "blog/a.md") == nil)
    #expect(configuration.severity(of: impact, path: "blog/a.md") == .warning)
    #expect(configuration.severity(of: vague, path: "audits/a.md") == nil)

    let swiftLintSpelling = try Self.load("opt_in_rules: [summary_too_long]\n")
    #expect(swiftLintSpelling.severity(of: SummaryLengthRule.description, path: "a.md") == .warning)
    let unknownProfile = #expect(throws: InputError.self) { try Self.load("timezone: UTC\nprofile: internl\n") }
    #expect(unknownProfile?.line == 2)
    #expect(unknownProfile?.message.contains("Did you mean 'internal'?") == true)
    let unknownOptIn = #expect(throws: InputError.self) { try Self.load("optInRules: [no_such_rule]\n") }
    #expect(unknownOptIn?.message.contains("unknown rule 'no_such_rule'") == true)
    #expect(throws: InputError.self) { try Self.load("profiles:\n  published: blog\n") }
    #expect(throws: InputError.self) { try Self.load("optInRules: [a]\nopt_in_rules: [b]\n") }
  }

  @Test("the file retro init writes reads back as the defaults")
  func defaultFile() throws {
    let configuration = try Self.load(DefaultConfigurationFile.text)
    #expect(configuration.requiredSections == LintConfiguration().requiredSections)
    #expect(configuration.summaryMaxWords == 150)
  }
}

@Suite("Linter")
struct LinterTests {
  static func lint(_ text: String, configuration: LintConfiguration = LintConfiguration()) throws -> [Diagnostic] {
    let linter = Linter(configuration: configuration)
    return linter.lint([try linter.context(for: SourceFile(path: "2024-01-01-x.md", text: text))])
  }

  static let draft = "# Outage\n\n## Summary\n\nTODO\n<!-- retro-disable-next-line placeholder_text -->\nTODO again\n\n<!-- retro-disable blaming_language -->\nSam was careless.\n<!-- retro-enable blaming_language -->\nAna was careless.\n"

  @Test("inline comments switch rules off for a line or a range")
  func directives() throws {
    let found = try Self.lint(Self.draft).map { "\($0.ruleId):\($0.line)" }
    #expect(found.contains("placeholder_text:5"))
    #expect(!found.contains("placeholder_text:7"))
    #expect(!found.contains("blaming_language:10"))
    #expect(found.contains("blaming_language:12"))
  }

  @Test("configuration turns rules off and changes severity; output is sorted")
  func severities() throws {
    var configuration = LintConfiguration()
    configuration.rules = ["placeholder_text": .off, "blaming_language": .severity(.error)]
    let diagnostics = try Self.lint(Self.draft, configuration: configuration)
    #expect(!diagnostics.contains { $0.ruleId == "placeholder_text" })
    #expect(diagnostics.first { $0.ruleId == "blaming_language" }?.severity == .error)
    #expect(diagnostics == diagnostics.sorted(by: Diagnostic.ordered))
  }

  @Test("the same input always gives the same output")
  func deterministic() throws {
    #expect(try Self.lint(Self.draft) == Self.lint(Self.draft))
  }
}

@Suite("Phrases of the wording rules")
struct LintPhrasesTests {
  static func findings(_ text: String, configuration: String) throws -> [Diagnostic] {
    let loaded = try LintConfigurationTests.load(configuration)
    return try LinterTests.lint(text, configuration: loaded)
  }

  @Test("added phrases are found and removed ones are not, for each rule")
  func addAndRemove() throws {
    let text = """
      # Outage

      ## Summary

      It was a rookie mistake; Bob is to blame. [insert graph] XXX

      ## Root causes

      Sam forgot the runbook.

      ## Action items

      - Harden the queue
      - Write a strategy for queues

      """
    let configuration = """
      rules: {human_error_root_cause: on}
      phrases:
        blaming_language: {add: [rookie mistake], remove: [to blame]}
        human_error_root_cause: {add: [forgot the runbook]}
        vague_action_item: {add: [harden], remove: [strategy]}
        placeholder_text: {add: ["[insert"], remove: [XXX]}
      """
    let found = try Self.findings(text, configuration: configuration).map { "\($0.ruleId):\($0.line):\($0.message)" }
    #expect(found.contains { $0.hasPrefix("blaming_language:5:") && $0.contains("rookie mistake") })
    #expect(!found.contains { $0.contains("'to blame'") })
    #expect(found.contains { $0.hasPrefix("placeholder_text:5:") && $0.contains("'[insert'") })
    #expect(!found.contains { $0.contains("'XXX'") })
    #expect(found.contains { $0.hasPrefix("human_error_root_cause:9:") && $0.contains("forgot the runbook") })
    #expect(found.contains { $0.hasPrefix("vague_action_item:13:") && $0.contains("'harden'") })
    #expect(!found.contains { $0.hasPrefix("vague_action_item:14:") })
    // Without phrases:, the built-in ones.
    let plain = try LinterTests.lint(text).map { "\($0.ruleId):\($0.line)" }
    #expect(plain.contains("vague_action_item:14") && !plain.contains("vague_action_item:13"))
  }

  @Test("placeholder phrases match as written; removing ??? or <...> turns those off")
  func placeholderMarks() throws {
    let text = "# Outage\n\n## Summary\n\nfill me in. FILL ME IN. Affected <number> users???\n"
    let found = try Self.findings(text, configuration: "phrases:\n  placeholder_text: {add: [FILL ME IN], remove: [\"???\", \"<...>\"]}\n")
      .filter { $0.ruleId == "placeholder_text" }
    #expect(found.map(\.column) == [13])
  }

  @Test("a bad phrases: entry is an error at its place, with the phrase or rule meant")
  func errors() {
    let cases: [(String, Int, String)] = [
      ("phrases:\n  blaming_languag: {add: [x]}\n", 2, "Did you mean 'blaming_language'?"),
      ("phrases:\n  summary_too_long: {add: [x]}\n", 2, "'summary_too_long' looks for no phrases"),
      ("phrases:\n  vague_action_item:\n    remove: [stratgy]\n", 3, "Did you mean 'strategy'?"),
      ("phrases:\n  vague_action_item:\n    ad: [x]\n", 3, "use add: and remove:"),
      ("phrases:\n  vague_action_item:\n    add: [\"\"]\n", 3, "empty"),
      ("phrases: [x]\n", 1, "must map rule ids"),
    ]
    for (text, line, message) in cases {
      do {
        _ = try LintConfigurationTests.load(text)
        Issue.record("\(text) must be an error")
      } catch let error as InputError {
        #expect(error.line == line, "\(text)")
        #expect(error.message.contains(message), "\(error.message)")
      } catch {
        Issue.record("unexpected \(error)")
      }
    }
  }
}
