import ArgumentParser
import RetroLint

extension Retro {
  /// `retro rules`: the rule list, or one rule in full.
  struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the lint rules, or describe one with its examples.",
      discussion: """
        Examples:
          retro rules
          retro rules vague_action_item
        """)

    @Argument(help: "A rule id to describe.")
    var id: String?

    func run() throws {
      guard let id else {
        let descriptions = RuleRegistry.descriptions
        let width = descriptions.map(\.identifier.count).max() ?? 0
        for d in descriptions {
          let padded = d.identifier.padding(toLength: width, withPad: " ", startingAt: 0)
          let severity = d.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
          Console.line("\(padded)  \(severity)  \(d.fixable ? "fix" : "   ")  \(d.name)")
        }
        return
      }
      guard let d = RuleRegistry.description(of: id) else {
        printError("error: unknown rule '\(id)'; 'retro rules' lists them." + NearestName.hint(for: id, among: RuleRegistry.identifiers))
        throw RetroExit.inputError
      }
      Console.line("\(d.identifier): \(d.name) (default severity: \(d.severity.rawValue))\n")
      Console.line(d.description + "\n")
      Console.line(
        d.fixable
          ? "Fixable: yes; 'retro lint --fix' and the editor's quick fix apply it.\n"
          : "Fixable: no; what it finds needs the author.\n")
      Console.line("Why: " + d.rationale + "\n")
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
