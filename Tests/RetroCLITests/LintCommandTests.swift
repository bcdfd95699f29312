import Foundation
import Testing

@Suite("retro lint, new, init and rules, end to end")
struct LintCommandTests {
  static func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-lint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test("the incomplete draft fails with the findings a reviewer would list, at the right lines")
  func draft() throws {
    // examples/.retro.yml says `profile: internal`; the draft's findings are warnings, which
    // fail a gate under --strict.
    let result = try RetroBinary.run(["lint", "--strict", "examples/draft-login-outage.md"])
    #expect(result.status == 1)
    let out = result.stdout
    // Its notes already say what broke, so no section is called missing; the empty one is.
    #expect(!out.contains("(missing_section)"))
    #expect(out.contains("examples/draft-login-outage.md:16:1: warning: The Impact section 'Impact' is empty (empty_section)"))
    #expect(out.contains("Placeholder 'TODO' is left in the report (placeholder_text)"))
    #expect(out.contains("The time '??:??' cannot be read (unreadable_time)"))
    #expect(out.contains("is vague ('investigate')"))
    #expect(out.contains("has no owner (action_item_owner)"))
    #expect(out.range(of: #"\d+ errors?, \d+ warnings?, 1 info in 1 file"#, options: .regularExpression) != nil)
    #expect(out.contains("has no id; write one such as '[AI-1]' before its text (action_item_id)"))
  }

  @Test("--profile picks the rules; without --config the .retro.yml nearest the path applies")
  func profiles() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = directory.appendingPathComponent("2024-03-01-cache.md")
    try Data("# Cache outage\n\n## Action items\n\n- Add an alert on cache misses\n".utf8).write(to: report)
    let standard = try RetroBinary.run(["lint", "--format", "json", report.path])
    #expect(!standard.stdout.contains("action_item_owner"), "an owner is an internal convention, off by default")
    let internalRetro = try RetroBinary.run(["lint", "--format", "json", "--profile", "internal", report.path])
    #expect(internalRetro.stdout.contains("action_item_owner"))
    let typo = try RetroBinary.run(["lint", "--profile", "internl", report.path])
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("Did you mean 'internal'?"), "\(typo.stderr)")
    // Run from the package root, which has no .retro.yml: the report's folder's applies.
    try Data("profile: internal\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    let nearest = try RetroBinary.run(["lint", "--format", "json", report.path])
    #expect(nearest.stdout.contains("action_item_owner"))
  }

  @Test("a complete example passes; --strict fails it on warnings")
  func exitCodes() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let clean = """
      ---
      title: Cache flush
      date: 2024-03-01
      severity: SEV3
      status: final
      authors: [Ana]
      ---
      ## Summary

      The cache was flushed by a cron job and the API was slow for 20 minutes.

      ## Impact

      p99 latency rose to 4 s for 20 minutes; 3% of requests timed out.

      ## Root causes

      The cron job ran against production because the host list was shared.

      ## Timeline (UTC)

      - 10:00 cron job flushed the cache
      - 10:04 latency alert fired
      - 10:20 cache warm again, resolved

      ## What went well

      - The alert fired within four minutes.

      ## What went wrong

      - The host list mixed staging and production.

      ## Action items

      - [ ] [AI-1] Split the host lists @ana OPS-1
      """
    try Data(clean.utf8).write(to: directory.appendingPathComponent("clean.md"))
    let ok = try RetroBinary.run(["lint", "clean.md"], in: directory)
    #expect(ok.status == 0, "\(ok.stdout)")
    #expect(ok.stdout == "0 errors, 0 warnings in 1 file\n")
    try Data((clean + "\nIt was careless.\n").utf8).write(to: directory.appendingPathComponent("clean.md"))
    #expect(try RetroBinary.run(["lint", "clean.md"], in: directory).status == 0)
    #expect(try RetroBinary.run(["lint", "--strict", "clean.md"], in: directory).status == 1)
  }

  @Test("formats: json, sarif, github, checkstyle; standard input with -")
  func formats() throws {
    let json = try RetroBinary.run(["lint", "--strict", "--format", "json", "-"], stdin: "# Outage\n\n## Summary\n\nTODO\n")
    #expect(json.status == 1)
    let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(diagnostics.contains { $0["ruleId"] as? String == "placeholder_text" && $0["path"] as? String == "<stdin>" })
    let sarif = try RetroBinary.run(["lint", "--format", "sarif", "examples/draft-login-outage.md"])
    #expect(sarif.stdout.contains("\"version\" : \"2.1.0\""))
    let github = try RetroBinary.run(["lint", "--format", "github", "examples/draft-login-outage.md"])
    #expect(github.stdout.contains("::warning file=examples/draft-login-outage.md,line=16,col=1,title=empty_section::"))
    let checkstyle = try RetroBinary.run(["lint", "--format", "checkstyle", "examples/draft-login-outage.md"])
    #expect(checkstyle.stdout.hasPrefix("<?xml"))
    let bad = try RetroBinary.run(["lint", "--format", "yaml", "examples"])
    #expect(bad.status == 2, "usage errors exit 2, as the README says")
  }

  @Test("README's rule table names every rule 'retro rules' lists, with its default severity")
  func readmeRuleTable() throws {
    let readme = try String(contentsOf: RetroBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") }
    let rules = try RetroBinary.run(["rules"])
    #expect(rules.status == 0)
    // The rule lines come first, up to an empty line; the profiles follow.
    let ruleLines = rules.stdout.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
    let listed = ruleLines.map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    #expect(listed.count > 20)
    for fields in listed where fields.count >= 3 {
      let (id, severity, tier) = (String(fields[0]), String(fields[1]), String(fields[2]))
      let row = rows.first { $0.split(separator: "|").first?.contains("`\(id)`") == true }
      #expect(row != nil, "README's rule table has no row for \(id)")
      if let row { #expect(row.contains("| \(severity) | \(tier) |"), "\(id): \(row)") }
    }
  }

  @Test("inline comments: a file-level disable works; a misspelled or superfluous one is reported at its line")
  func inlineDirectives() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = """
      ---
      title: Cache outage
      date: 2024-03-01
      severity: SEV2
      status: final
      authors: [Ana]
      ---
      <!-- retro-disable-file missing_section -->
      ## Summary

      The cache fell over.

      ## Action items

      <!-- retro-disable vague_actio_item -->
      - [ ] Investigate the cache
      <!-- retro-disabel-next-line action_item_owner -->
      - [ ] Add a p99 latency alert on the cache @ana PAY-1 due 2024-05-01
      <!-- retro-disable-next-line placeholder_text -->
      - [ ] Page the cache team on eviction storms @ben PAY-2 due 2024-05-01
      """
    try Data(text.utf8).write(to: directory.appendingPathComponent("report.md"))
    let result = try RetroBinary.run(["lint", "report.md"], in: directory)
    #expect(!result.stdout.contains("(missing_section)"), "the file-level disable turns missing_section off: \(result.stdout)")
    #expect(result.stdout.contains("report.md:15:1: warning: 'vague_actio_item' is not a rule"), "\(result.stdout)")
    #expect(result.stdout.contains("(did you mean 'vague_action_item'?)"), "\(result.stdout)")
    #expect(result.stdout.contains("(vague_action_item)"), "a misspelled disable turns nothing off")
    #expect(result.stdout.contains("report.md:17:1: warning: 'retro-disabel-next-line' is not a retro comment"), "\(result.stdout)")
    #expect(
      result.stdout.contains("report.md:19:1: warning: 'retro-disable-next-line placeholder_text' turns off nothing"),
      "\(result.stdout)")
    // Turning the reporting rules off silences them like any rule.
    try Data("rules:\n  invalid_directive: off\n  superfluous_directive: off\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    let quiet = try RetroBinary.run(["lint", "report.md"], in: directory)
    #expect(!quiet.stdout.contains("(invalid_directive)") && !quiet.stdout.contains("(superfluous_directive)"), "\(quiet.stdout)")
  }

  @Test("a mistyped rule id is a usage error, exit 2, that names the rule meant")
  func mistypedRule() throws {
    let lint = try RetroBinary.run(["lint", "--rule", "vague_actio_item", "examples"])
    #expect(lint.status == 2)
    #expect(lint.stderr.contains("Unknown rule 'vague_actio_item'"))
    #expect(lint.stderr.contains("Did you mean 'vague_action_item'?"))
    let rules = try RetroBinary.run(["rules", "blaming_langauge"])
    #expect(rules.status == 2)
    #expect(rules.stderr.contains("Did you mean 'blaming_language'?"))
    let far = try RetroBinary.run(["lint", "--rule", "no_such_thing_at_all", "examples"])
    #expect(far.status == 2)
    #expect(!far.stderr.contains("Did you mean"))
    let option = try RetroBinary.run(["lint", "--no-such-option", "examples"])
    #expect(option.status == 2, "an unknown option is a usage error too")
  }

  @Test("a configuration error is exit 2 naming the key and line")
  func configurationError() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("rules:\n  placeholder_text: off\n  not_a_rule: on\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    try Data("# x\n".utf8).write(to: directory.appendingPathComponent("r.md"))
    let result = try RetroBinary.run(["lint", "r.md"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr.contains(".retro.yml:3:3: error: 'rules' names an unknown rule 'not_a_rule'"))
    #expect(result.stderr.contains(" 3 |   not_a_rule: on\n   |   ^"))
  }

  @Test("phrases: a team's own blame, vague and placeholder phrases added and built-in ones removed; a misspelled one is an error at its line")
  func customPhrases() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = """
      # Outage

      ## Summary

      It was a rookie mistake, and Bob is to blame. FILL ME IN later. TBC.

      ## Action items

      - Harden the login service @ana due 2026-12-20
      - Improve monitoring

      """
    try Data(report.utf8).write(to: directory.appendingPathComponent("r.md"))
    let before = try RetroBinary.run(["lint", "--format", "json", "r.md"], in: directory)
    #expect(before.stdout.contains("'to blame'") && before.stdout.contains("'TBC'") && before.stdout.contains("'improve monitoring'"))
    #expect(!before.stdout.contains("rookie") && !before.stdout.contains("FILL ME IN") && !before.stdout.contains("'harden'"))
    let configuration = """
      phrases:
        blaming_language:
          add: ["rookie mistake"]
          remove: ["to blame"]
        vague_action_item: {add: [harden], remove: [improve monitoring]}
        placeholder_text:
          add: ["FILL ME IN"]
          remove: [TBC]

      """
    try Data(configuration.utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    let after = try RetroBinary.run(["lint", "--format", "json", "r.md"], in: directory)
    #expect(after.stdout.contains("'rookie mistake'") && after.stdout.contains("'FILL ME IN'") && after.stdout.contains("'harden'"))
    #expect(!after.stdout.contains("'to blame'") && !after.stdout.contains("'TBC'") && !after.stdout.contains("'improve monitoring'"))
    // retro rules shows the phrases in force.
    let rules = try RetroBinary.run(["rules", "blaming_language"], in: directory)
    #expect(rules.stdout.contains("\"rookie mistake\"") && !rules.stdout.contains("\"to blame\""))
    try Data("phrases:\n  blaming_language:\n    remove: [\"to blam\"]\n".utf8).write(to: directory.appendingPathComponent(".retro.yml"))
    let typo = try RetroBinary.run(["lint", "r.md"], in: directory)
    #expect(typo.status == 2)
    #expect(typo.stderr.contains(".retro.yml:3:15: error: 'phrases' for blaming_language removes 'to blam', which it does not look for. Did you mean 'to blame'?"))
  }

  @Test("retro new writes from a template and refuses to overwrite; retro init too")
  func newAndInit() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try RetroBinary.run(
      ["new", "Checkout ../../latency", "--template", "google-sre", "--date", "2024-05-06", "--dir", "retros", "--author", "Ana"],
      in: directory)
    #expect(first.status == 0, "\(first.stderr)")
    let path = directory.appendingPathComponent("retros/2024-05-06-checkout-latency.md").path
    #expect(first.stdout.contains("2024-05-06-checkout-latency.md"))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("**Authors:** Ana"))
    // A second report of the same name that day takes -2; the first is left as it was.
    let again = try RetroBinary.run(
      ["new", "Checkout ../../latency", "--date", "2024-05-06", "--dir", "retros"], in: directory)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("2024-05-06-checkout-latency-2.md"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    try FileManager.default.removeItem(at: directory.appendingPathComponent("retros/2024-05-06-checkout-latency-2.md"))
    // Titles with no Latin letter share `incident`: each gets a file of its own.
    for _ in 0..<2 {
      #expect(try RetroBinary.run(["new", "障害", "--date", "2024-05-07", "--dir", "other"], in: directory).status == 0)
    }
    let other = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("other").path).sorted()
    #expect(other == ["2024-05-07-incident-2.md", "2024-05-07-incident.md"])
    // A severity off the scale would fail lint on the new report's first line.
    let offScale = try RetroBinary.run(["new", "Disk full", "--severity", "P1", "--dir", "other"], in: directory)
    #expect(offScale.status == 2)
    #expect(offScale.stderr.contains("--severity 'P1' is not on the severity scale (SEV1, SEV2, SEV3, SEV4, SEV5)"))

    let initial = try RetroBinary.run(["init"], in: directory)
    #expect(initial.status == 0)
    let config = try String(contentsOf: directory.appendingPathComponent(".retro.yml"), encoding: .utf8)
    #expect(config.contains("summaryMaxWords: 150"))
    // Every setting the README documents is there, the optional ones commented out.
    for key in ["profile:", "profiles:", "optInRules:", "tracker:", "trackerStatuses:", "roots:", "index:", "internalSections:", "publish:", "templates:", "phrases:", "policies:", "causeCategories:"] {
      #expect(config.contains(key), "\(key) is missing from retro init's file")
    }
    #expect(try RetroBinary.run(["init"], in: directory).status == 2)
    #expect(try RetroBinary.run(["lint", "retros"], in: directory).status == 0)
  }

  @Test("user templates override built-in ones by name; an unknown name is an error listing them")
  func userTemplates() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("mine"), withIntermediateDirectories: true)
    try Data("# {{title}} on {{date}}\n".utf8).write(to: directory.appendingPathComponent("mine/default.md"))
    let result = try RetroBinary.run(["new", "Disk full", "--date", "2024-01-02", "--templates", "mine"], in: directory)
    #expect(result.status == 0)
    let text = try String(contentsOf: directory.appendingPathComponent("2024-01-02-disk-full.md"), encoding: .utf8)
    #expect(text == "# Disk full on 2024-01-02\n")
    let missing = try RetroBinary.run(["new", "X", "--template", "nope"], in: directory)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("available: atlassian, default, google-sre, minimal"))
  }

  @Test("retro rules lists every rule; retro rules ID describes one with examples")
  func rules() throws {
    let list = try RetroBinary.run(["rules"])
    #expect(list.stdout.contains("missing_section"))
    #expect(list.stdout.split(separator: "\n").count >= 28)
    let one = try RetroBinary.run(["rules", "vague_action_item"])
    #expect(one.stdout.contains("Vague Action Item (default severity: warning)"))
    #expect(one.stdout.contains("Triggers on:"))
    #expect(try RetroBinary.run(["rules", "nope"]).status == 2)
  }
}
