import Foundation
import RetroCore
import Testing
@testable import RetroLint

/// Every rule's examples are its tests: a triggering example must give findings exactly on
/// the lines marked with ↓, a non-triggering one none. A new rule cannot land untested.
@Suite("Rule examples")
struct RuleExampleTests {
  static let descriptions = RuleRegistry.descriptions.map { RuleCase(description: $0) }

  struct RuleCase: Sendable, CustomTestStringConvertible {
    var description: RuleDescription
    var id: String { description.identifier }
    var testDescription: String { id }
  }

  /// Lints the example's files with only this rule on.
  /// The configuration examples run with: the stale-status rule's tickets included.
  static var configuration: LintConfiguration {
    var configuration = LintConfiguration()
    // Opt-in rules are tested as much as the rest.
    configuration.profile = .strict
    configuration.tracker = StaleItemStatusRule.exampleTickets
    configuration.policies = FollowUpPolicyRule.examplePolicies
    configuration.asOf = FollowUpPolicyRule.exampleDay
    return configuration
  }

  static func run(_ example: RuleExample, rule: String) throws -> [Diagnostic] {
    let linter = Linter(configuration: configuration)
    var markers: [String: [Int]] = [:]
    let contexts = try example.files.map { file -> LintContext in
      let (text, lines) = RuleExample.strip(file.text)
      markers[file.path] = lines
      return try linter.context(for: SourceFile(path: file.path, text: text))
    }
    return linter.lint(contexts, only: [rule])
  }

  @Test("every rule has a well-formed description", arguments: descriptions)
  func wellFormed(_ rule: RuleCase) {
    let d = rule.description
    #expect(d.identifier.allSatisfy { $0.isLowercase || $0 == "_" })
    #expect(!d.name.isEmpty && d.name.first?.isUppercase == true)
    #expect(d.description.hasSuffix("."))
    #expect(!d.rationale.isEmpty)
    #expect(!d.triggeringExamples.isEmpty)
    #expect(!d.nonTriggeringExamples.isEmpty)
  }

  @Test("triggering examples give findings on exactly the marked lines", arguments: descriptions)
  func triggering(_ rule: RuleCase) throws {
    for example in rule.description.triggeringExamples {
      let diagnostics = try Self.run(example, rule: rule.id)
      for file in example.files {
        let expected = Set(RuleExample.strip(file.text).lines)
        let actual = Set(diagnostics.filter { $0.path == file.path }.map(\.line))
        #expect(actual == expected, "\(rule.id) in \(file.path): \(diagnostics.map(\.message))")
      }
      #expect(diagnostics.allSatisfy { !$0.message.hasSuffix(".") }, "messages end without a period")
      #expect(diagnostics.allSatisfy { $0.ruleId == rule.id })
    }
  }

  @Test("non-triggering examples give no findings", arguments: descriptions)
  func nonTriggering(_ rule: RuleCase) throws {
    for example in rule.description.nonTriggeringExamples {
      let diagnostics = try Self.run(example, rule: rule.id)
      #expect(diagnostics.isEmpty, "\(rule.id): \(diagnostics.map { "\($0.line): \($0.message)" })")
    }
  }

  @Test("a fixable rule fixes a triggering example for good; the others offer no fix", arguments: descriptions)
  func fixes(_ rule: RuleCase) throws {
    let fixer = Fixer(linter: Linter(configuration: Self.configuration))
    var fixedOne = false
    for example in rule.description.triggeringExamples + rule.description.nonTriggeringExamples {
      for file in example.files {
        let text = RuleExample.strip(file.text).text
        let outcome = try fixer.fix(path: file.path, text: text, only: [rule.id])
        if !rule.description.fixable {
          #expect(!outcome.changed && outcome.applied.isEmpty, "\(rule.id) is not marked fixable")
          continue
        }
        #expect(outcome.refused.isEmpty, "\(rule.id): \(outcome.refused)")
        guard outcome.changed else { continue }
        fixedOne = true
        let again = try fixer.fix(path: file.path, text: outcome.fixed, only: [rule.id])
        #expect(!again.changed, "\(rule.id): a second fix changed\n\(outcome.fixed)\ninto\n\(again.fixed)")
        #expect(outcome.remaining.count(where: { $0.fix != nil }) == 0)
      }
    }
    if rule.description.fixable { #expect(fixedOne, "\(rule.id) is fixable but fixed none of its examples") }
  }
}
