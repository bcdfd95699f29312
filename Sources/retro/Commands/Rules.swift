import ArgumentParser
import RetroCore
import RetroLint

extension Retro {
  /// `retro rules`: the rule list, or one rule in full.
  struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the lint rules, or describe one with its examples.",
      discussion: CommandHelp.reflow(
        """
        Examples:
          retro rules
          retro rules vague_action_item
        """))

    @Argument(help: "A rule id to describe.")
    var id: String?

    func run() throws {
      guard let id else {
        let descriptions = RuleRegistry.descriptions
        let width = descriptions.map(\.identifier.count).max() ?? 0
        // What each rule finds, cut to the terminal ('retro rules ID' has it whole).
        let room = max(30, Actions.terminalWidth() - width - 2 - 7 - 2 - 10 - 2 - 3 - 2)
        for d in descriptions {
          let padded = d.identifier.padding(toLength: width, withPad: " ", startingAt: 0)
          let severity = d.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
          let tier = d.tier.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
          let text = d.description.count > room ? String(d.description.prefix(room - 1)) + "…" : d.description
          Console.line("\(padded)  \(severity)  \(tier)  \(d.fixable ? "fix" : "   ")  \(text)")
        }
        Console.line("")
        Console.line("standard rules are on by default; convention rules in 'profile: internal'; opt-in rules")
        Console.line("in 'profile: strict' or when 'optInRules:' in .retro.yml names them. Profiles:")
        for profile in LintProfile.allCases {
          Console.line("  \(profile.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(profile.summary)")
        }
        return
      }
      guard let d = RuleRegistry.description(of: id) else {
        printError("error: unknown rule '\(id)'; 'retro rules' lists them." + NearestName.hint(for: id, among: RuleRegistry.identifiers))
        throw RetroExit.inputError
      }
      Console.line("\(d.identifier): \(d.name) (default severity: \(d.severity.rawValue))\n")
      let on = LintProfile.allCases.filter { $0.enables(d.tier) }.map(\.rawValue)
      Console.line("Tier: \(d.tier.rawValue); on in the profiles \(on.joined(separator: ", "))" + (d.tier == .standard ? " (on by default)" : "; name it in 'optInRules:' to turn it on elsewhere") + ".\n")
      Console.line(d.description + "\n")
      Console.line(
        d.fixable
          ? "Fixable: yes; 'retro lint --fix' and the editor's quick fix apply it.\n"
          : "Fixable: no; what it finds needs the author.\n")
      Console.line("Why: " + d.rationale + "\n")
      // The phrases in force here: the built-in ones, changed by the nearest .retro.yml.
      let phrases = (try? ConfigurationFile.load()).flatMap { try? LintConfiguration.from($0, knownRules: RuleRegistry.identifiers) }?.phrases ?? LintPhrases()
      let list = phrases.phrases(for: d.identifier)
      if !list.isEmpty {
        Console.line("Phrases (add or remove them with 'phrases:' in .retro.yml):")
        Console.line(TextWrap.wrap(list.map { "\"\($0)\"" }.joined(separator: ", "), width: Actions.terminalWidth(), indent: "  ") + "\n")
      }
      for (title, examples) in [("Triggers on", d.triggeringExamples), ("Does not trigger on", d.nonTriggeringExamples)] {
        Console.line("\(title):")
        for example in examples {
          for file in example.files {
            if example.files.count > 1 { Console.line("  -- \(file.path)") }
            for line in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
              Console.line("  | " + line.replacingOccurrences(of: "↓", with: "→ "))
            }
          }
          Console.line("")
        }
      }
    }
  }
}

import Foundation
