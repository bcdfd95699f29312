import RetroCore

/// The phrases the wording rules look for, after `.retro.yml`'s `phrases:` has added a
/// team's own and removed those it does not want (Vale's vocabularies, SwiftLint's custom
/// rules):
///
/// ```yaml
/// phrases:
///   blaming_language: { add: ["rookie mistake"], remove: ["to blame"] }
///   vague_action_item: { add: ["harden"] }
///   placeholder_text: { add: ["FILL ME IN"], remove: ["TBC"] }
/// ```
///
/// Each matcher is built once, when the configuration is read, not once a report.
public struct LintPhrases: Sendable {
  /// The rules whose phrases `phrases:` can change.
  public static let ruleIds = [
    BlamingLanguageRule.description.identifier, VagueActionItemRule.description.identifier,
    PlaceholderTextRule.description.identifier, HumanErrorRootCauseRule.description.identifier,
  ]

  public var blaming = BlamingLanguageRule.matcher
  public var humanError = HumanErrorRootCauseRule.matcher
  /// Vague however the item is tracked; a team's added phrases are among them.
  public var vagueAttitudes = VagueActionItemRule.attitudes
  /// Vague unless a ticket or a number pins the item down.
  public var vagueImprovements = VagueActionItemRule.improvements
  public var vagueExplorations = VagueActionItemRule.explorations
  /// Placeholder words, matched as written (case and all) as whole words.
  public private(set) var placeholderWords = PlaceholderTextRule.defaultWords
  /// Which of `???`, `lorem ipsum` and `<...>` count as placeholders.
  public var placeholderMarks = Set(PlaceholderTextRule.marks)

  public init() {}

  /// The phrases in force for rule `id` (empty for a rule that looks for none).
  public func phrases(for id: String) -> [String] {
    switch id {
    case BlamingLanguageRule.description.identifier: return blaming.phrases
    case HumanErrorRootCauseRule.description.identifier: return humanError.phrases
    case VagueActionItemRule.description.identifier: return vagueAttitudes.phrases + vagueImprovements.phrases + vagueExplorations
    case PlaceholderTextRule.description.identifier: return placeholderWords.words + PlaceholderTextRule.marks.filter(placeholderMarks.contains)
    default: return []
    }
  }

  /// Every phrase a rule looks for by default, for checking a `remove:`.
  static func defaults(for id: String) -> [String] {
    switch id {
    case BlamingLanguageRule.description.identifier: return BlamingLanguageRule.phrases
    case HumanErrorRootCauseRule.description.identifier: return HumanErrorRootCauseRule.phrases
    case VagueActionItemRule.description.identifier: return VagueActionItemRule.phrases
    case PlaceholderTextRule.description.identifier: return PlaceholderTextRule.defaultWords.words + PlaceholderTextRule.marks
    default: return []
    }
  }

  /// Reads `phrases:`; an error names the rule or the phrase at its line.
  static func from(_ file: ConfigurationFile, knownRules: Set<String>) throws -> LintPhrases {
    var phrases = LintPhrases()
    guard let value = file.values["phrases"] else { return phrases }
    let shape = "must map rule ids to add: and remove: lists of phrases"
    guard case .table(let table) = value else { throw file.error(key: "phrases", shape) }
    for (id, setting) in table.entries {
      guard Self.ruleIds.contains(id) else {
        let why = knownRules.contains(id) ? "'\(id)' looks for no phrases" : "names an unknown rule '\(id)'"
        throw file.error(
          key: "phrases", entry: id, "\(why); phrases can be changed for \(Self.ruleIds.joined(separator: ", "))."
            + NearestName.hint(for: id, among: Set(Self.ruleIds)))
      }
      guard case .table(let lists) = setting else { throw file.error(key: "phrases", entry: id, "gives '\(id)' no add: or remove: list") }
      var add: [String] = []
      var remove: Set<String> = []
      let defaults = Self.defaults(for: id)
      for (name, list) in lists.entries {
        guard name == "add" || name == "remove" else {
          throw file.error(key: "phrases", at: [id, name], "for \(id) has '\(name)'; use add: and remove:")
        }
        guard case .array(let values) = list else { throw file.error(key: "phrases", at: [id, name], "for \(id) gives \(name): no list of phrases") }
        for value in values {
          let phrase = value.scalarText ?? ""
          let trimmed = phrase.trimmingWhitespace()
          guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw file.error(key: "phrases", at: [id, name], "for \(id) has a phrase under \(name): that is empty or over 200 characters")
          }
          if name == "add" {
            add.append(trimmed)
          } else {
            guard let known = defaults.first(where: { $0.lowercased() == trimmed.lowercased() }) else {
              throw file.error(
                key: "phrases", at: [id, "remove", phrase], "for \(id) removes '\(trimmed)', which it does not look for."
                  + NearestName.hint(for: trimmed, among: Set(defaults)))
            }
            remove.insert(known.lowercased())
          }
        }
      }
      phrases.apply(id: id, add: add, remove: remove)
    }
    return phrases
  }

  private mutating func apply(id: String, add: [String], remove: Set<String>) {
    func kept(_ list: [String]) -> [String] { list.filter { !remove.contains($0.lowercased()) } }
    func joined(_ list: [String]) -> [String] {
      var seen = Set(list.map { $0.lowercased() })
      return list + add.filter { seen.insert($0.lowercased()).inserted }
    }
    switch id {
    case BlamingLanguageRule.description.identifier:
      blaming = PhraseMatcher(joined(kept(BlamingLanguageRule.phrases)))
    case HumanErrorRootCauseRule.description.identifier:
      humanError = PhraseMatcher(joined(kept(HumanErrorRootCauseRule.phrases)))
    case VagueActionItemRule.description.identifier:
      vagueAttitudes = PhraseMatcher(joined(kept(VagueActionItemRule.attitudes.phrases)))
      vagueImprovements = PhraseMatcher(kept(VagueActionItemRule.improvements.phrases))
      vagueExplorations = kept(VagueActionItemRule.explorations)
    case PlaceholderTextRule.description.identifier:
      let words = kept(PlaceholderTextRule.defaultWords.words)
      placeholderWords = PlaceholderWords(words + add.filter { !words.contains($0) })
      placeholderMarks = Set(kept(PlaceholderTextRule.marks))
    default:
      break
    }
  }
}
