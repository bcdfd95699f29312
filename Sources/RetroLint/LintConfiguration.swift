import Foundation
import RetroCore

/// The lint settings of `.retro.yml`, with their defaults.
public struct LintConfiguration: Sendable {
  /// What a rule setting in `rules:` can say.
  public enum RuleSetting: Sendable, Equatable {
    case off
    case on
    case severity(DiagnosticSeverity)
  }

  public var parser: ParserConfiguration
  public var vocabulary: HeadingVocabulary
  public var requiredSections: [SectionKind] = [.summary, .impact, .rootCauses, .timeline, .actionItems]
  public var severityScale: [String] = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]
  public var statusScale: [String] = ["draft", "in-review", "final", "published"]
  public var requiredMetadata: [String] = ["title", "date", "severity", "status", "authors"]
  public var summaryMaxWords = 150
  /// Token similarity (0 to 1) above which two action items say the same thing.
  public var similarityThreshold = 0.75
  public var rules: [String: RuleSetting] = [:]
  /// `phrases:`: the wording rules' phrases, with a team's own added and removed.
  public var phrases = LintPhrases()
  /// `policies:`: due dates and deadlines by severity.
  public var policies = FollowUpPolicies()
  /// `causeCategories:`: the cause categories of `retro stats` and the Trends page.
  public var causeCategories = CauseCategories()
  /// The day date-dependent rules count from (`--as-of`); nil is today.
  public var asOf: CalendarDate?
  /// `profile:`: the kind of document a report is when `profiles:` does not say.
  public var profile: LintProfile = .standard
  /// `profiles:`: which profile applies where, by path pattern; the first match wins.
  public var profilePatterns: [(profile: LintProfile, patterns: [String])] = []
  /// `optInRules:` (SwiftLint's `opt_in_rules:` too): rules off in the profile to turn on.
  public var optInRules: Set<String> = []
  /// The folder of `.retro.yml`: `ignore:` and `profiles:` patterns match paths relative to it too.
  public var baseFolder: String?
  /// Glob patterns of paths to skip (`drafts/**`, `*.tmp.md`).
  public var ignore: [String] = []
  /// User templates for `retro new`, overriding built-in ones by name.
  public var templates: String?
  /// `tracker:` in `.retro.yml`: tracker export files, resolved against the file's folder.
  public var trackerFiles: [String] = []
  /// `trackerStatuses:`: which tracker statuses mean done and which open.
  public var trackerStatuses = TrackerStatuses()
  /// The tickets of the tracker exports once read (`loadTracker`), for `stale_item_status`.
  public var tracker: TrackerTickets?
  /// Which repository a report lives in, for `#123` references.
  public let gitRemote = GitRemote()

  public init(parser: ParserConfiguration = ParserConfiguration()) {
    self.parser = parser
    self.vocabulary = HeadingVocabulary(extra: parser.vocabulary)
  }

  /// Every key `.retro.yml` may hold; any other is an error.
  public static let knownKeys: Set<String> = [
    "timezone", "dateOrder", "vocabulary", "requiredSections", "severityScale", "statusScale",
    "requiredMetadata", "summaryMaxWords", "similarityThreshold", "rules", "ignore", "templates",
    "index", "publish", "internalSections", "roots", "tracker", "trackerStatuses", "profile", "profiles",
    "optInRules", "opt_in_rules", "phrases", "policies", "causeCategories",
  ]

  /// Reads the tracker exports of `tracker:` and `extra` (`--tracker`); an error names the
  /// export's file and line.
  public mutating func loadTracker(extra: [String] = []) throws {
    let files = trackerFiles + extra
    guard !files.isEmpty else { return }
    do {
      tracker = try TrackerTickets.load(paths: files, statuses: trackerStatuses)
    } catch var error as InputError where error.line == nil && trackerFiles.contains(error.path) {
      // A file that is not there: say where it was named.
      error.message += " (listed under 'tracker:' in the configuration)"
      throw error
    }
  }

  /// Reads the lint keys, checking every key and value; errors name the key and its line.
  public static func from(_ file: ConfigurationFile, knownRules: Set<String>) throws -> LintConfiguration {
    var configuration = LintConfiguration(parser: file.parser)
    configuration.baseFolder = file.path.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path }
    for key in file.values.keys where !knownKeys.contains(key) {
      throw file.error(key: key, "is not a setting retro knows (known: \(knownKeys.sorted().joined(separator: ", ")))")
    }
    try configuration.readProfiles(file, knownRules: knownRules)
    configuration.phrases = try LintPhrases.from(file, knownRules: knownRules)
    configuration.policies = try FollowUpPolicies.from(file)
    configuration.causeCategories = try CauseCategories.from(file)
    if let value = file.values["requiredSections"] {
      configuration.requiredSections = try value.stringList.map { name in
        guard let kind = SectionKind(rawValue: name), kind != .custom else {
          throw file.error(key: "requiredSections", entry: name, "has an unknown section kind '\(name)'")
        }
        return kind
      }
    }
    for key in ["severityScale", "statusScale", "requiredMetadata", "ignore"] {
      guard let value = file.values[key] else { continue }
      guard case .array = value else { throw file.error(key: key, "must be a list") }
      let list = value.stringList
      switch key {
      case "severityScale": configuration.severityScale = list
      case "statusScale": configuration.statusScale = list
      case "requiredMetadata":
        let known: Set<String> = ["title", "date", "severity", "status", "authors", "services", "tags", "id"]
        if let bad = list.first(where: { !known.contains($0) }) {
          throw file.error(key: key, entry: bad, "has an unknown field '\(bad)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        configuration.requiredMetadata = list
      default:
        // Matching is linear in the pattern, but a pattern of thousands of characters is
        // no path anyone means, and every file is matched against it.
        if let long = list.first(where: { $0.count > GlobPattern.maximumLength }) {
          throw file.error(key: key, "has a pattern of \(long.count) characters; the most is \(GlobPattern.maximumLength)")
        }
        configuration.ignore = list
      }
    }
    if let value = file.values["summaryMaxWords"] {
      guard case .int(let words) = value, words > 0 else {
        throw file.error(key: "summaryMaxWords", "must be a positive whole number")
      }
      configuration.summaryMaxWords = words
    }
    if let value = file.values["similarityThreshold"] {
      let number: Double?
      switch value {
      case .double(let d): number = d
      case .int(let i): number = Double(i)
      default: number = nil
      }
      guard let number, number > 0, number <= 1 else {
        throw file.error(key: "similarityThreshold", "must be a number above 0 and at most 1")
      }
      configuration.similarityThreshold = number
    }
    if let value = file.values["templates"] {
      guard let path = value.scalarText else { throw file.error(key: "templates", "must be a folder path") }
      configuration.templates = path
    }
    if let value = file.values["tracker"] {
      guard case .array = value, !value.stringList.isEmpty else { throw file.error(key: "tracker", "must be a list of export files") }
      let base = file.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
      configuration.trackerFiles = value.stringList.map { path in
        guard let base, !path.hasPrefix("/") else { return path }
        return base.appendingPathComponent(path).standardizedFileURL.path
      }
    }
    if let value = file.values["trackerStatuses"] {
      guard case .table(let table) = value else {
        throw file.error(key: "trackerStatuses", "must map done: and open: to lists of status names")
      }
      for key in table.keys where key != "done" && key != "open" {
        throw file.error(key: "trackerStatuses", entry: key, "has '\(key)'; use done: and open:")
      }
      configuration.trackerStatuses = TrackerStatuses(done: table["done"]?.stringList ?? [], open: table["open"]?.stringList ?? [])
    }
    if let value = file.values["rules"] {
      guard case .table(let table) = value else {
        throw file.error(key: "rules", "must map rule ids to off, on, error, warning or info")
      }
      for (id, setting) in table.entries {
        guard knownRules.contains(id) else {
          throw file.error(
            key: "rules", entry: id, "names an unknown rule '\(id)' (see 'retro rules')." + NearestName.hint(for: id, among: knownRules))
        }
        let text = setting.scalarText?.lowercased() ?? ""
        switch text {
        case "off", "false", "disabled": configuration.rules[id] = .off
        case "on", "true", "enabled": configuration.rules[id] = .on
        default:
          guard let severity = DiagnosticSeverity(rawValue: text) else {
            throw file.error(key: "rules", entry: id, "sets '\(id)' to '\(text)'; use off, on, error, warning or info")
          }
          configuration.rules[id] = .severity(severity)
        }
      }
    }
    return configuration
  }

  /// True when `path` matches one of the `ignore` patterns.
  public func isIgnored(_ path: String) -> Bool {
    let candidates = pathCandidates(path)
    return ignore.contains { pattern in
      let glob = GlobPattern(pattern: pattern)
      return candidates.contains(where: glob.matches)
    }
  }

  /// The profile for the report at `path`: the first `profiles:` pattern it matches, else
  /// `profile:`.
  public func profile(for path: String?) -> LintProfile {
    guard let path, !profilePatterns.isEmpty else { return profile }
    let candidates = pathCandidates(path)
    for (profile, patterns) in profilePatterns {
      for pattern in patterns {
        let glob = GlobPattern(pattern: pattern)
        if candidates.contains(where: glob.matches) { return profile }
      }
    }
    return profile
  }

  /// The setting in force for a rule on the report at `path` (nil: the whole run): its
  /// severity, or nil when it is off. `rules:` decides first, then `optInRules:`, then the
  /// profile.
  public func severity(of description: RuleDescription, path: String?) -> DiagnosticSeverity? {
    switch rules[description.identifier] {
    case .off?: return nil
    case .severity(let severity)?: return severity
    case .on?: return description.severity
    case nil:
      let profile = profile(for: path)
      if profile.enables(description.tier) { return description.severity }
      if optInRules.contains(description.identifier), profile.allowsOptIn(description.tier) { return description.severity }
      return nil
    }
  }

  /// `path` as given, and relative to the configuration's folder when it is inside it.
  private func pathCandidates(_ path: String) -> [String] {
    guard let baseFolder else { return [path] }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let base = baseFolder.hasSuffix("/") ? baseFolder : baseFolder + "/"
    guard absolute.hasPrefix(base) else { return [path] }
    return [path, String(absolute.dropFirst(base.count))]
  }

  /// Reads `profile:`, `profiles:` and `optInRules:`.
  private mutating func readProfiles(_ file: ConfigurationFile, knownRules: Set<String>) throws {
    let names = LintProfile.allCases.map(\.rawValue).joined(separator: ", ")
    func profileNamed(_ name: String, key: String) throws -> LintProfile {
      guard let profile = LintProfile(rawValue: name.lowercased()) else {
        throw file.error(key: key, entry: name, "names an unknown profile '\(name)' (known: \(names))." + NearestName.hint(for: name, among: Set(LintProfile.allCases.map(\.rawValue))))
      }
      return profile
    }
    if let value = file.values["profile"] {
      guard let name = value.scalarText else { throw file.error(key: "profile", "must be one of \(names)") }
      profile = try profileNamed(name, key: "profile")
    }
    if let value = file.values["profiles"] {
      guard case .table(let table) = value else {
        throw file.error(key: "profiles", "must map profile names to lists of path patterns (published: [\"blog/**\"])")
      }
      for (name, patterns) in table.entries {
        let profile = try profileNamed(name, key: "profiles")
        guard case .array = patterns, !patterns.stringList.isEmpty else {
          throw file.error(key: "profiles", entry: name, "gives '\(name)' no list of path patterns")
        }
        if let long = patterns.stringList.first(where: { $0.count > GlobPattern.maximumLength }) {
          throw file.error(key: "profiles", "has a pattern of \(long.count) characters; the most is \(GlobPattern.maximumLength)")
        }
        profilePatterns.append((profile, patterns.stringList))
      }
    }
    let optInKeys = ["optInRules", "opt_in_rules"].filter { file.values[$0] != nil }
    if optInKeys.count > 1 { throw file.error(key: "opt_in_rules", "and 'optInRules' are the same setting; keep one") }
    if let key = optInKeys.first, let value = file.values[key] {
      guard case .array = value else { throw file.error(key: key, "must be a list of rule ids") }
      for id in value.stringList {
        guard knownRules.contains(id) else {
          throw file.error(key: key, entry: id, "names an unknown rule '\(id)' (see 'retro rules')." + NearestName.hint(for: id, among: knownRules))
        }
        optInRules.insert(id)
      }
    }
  }
}
