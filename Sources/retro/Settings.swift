import Foundation
import RetroCore
import RetroLint

/// The configuration file, read once and checked whole.
struct Settings {
  var file: ConfigurationFile
  var lint: LintConfiguration

  /// Loads the configuration; `trackers` (`--tracker FILE`) are read with the exports of
  /// `tracker:`.
  static func load(_ path: String?, trackers: [String] = []) throws -> Settings {
    let file = try ConfigurationFile.load(path: path)
    var lint = try LintConfiguration.from(file, knownRules: RuleRegistry.identifiers)
    try lint.loadTracker(extra: trackers)
    return Settings(file: file, lint: lint)
  }

  /// `roots:` in .retro.yml: the folders of reports (one per team or repository), relative
  /// to the configuration file; used when a command is given no paths.
  var roots: [String] {
    let list = file.values["roots"]?.stringList ?? []
    guard let config = file.path else { return list }
    let base = URL(fileURLWithPath: config).deletingLastPathComponent()
    return list.map { $0.hasPrefix("/") ? $0 : base.appendingPathComponent($0).standardizedFileURL.path }
  }

  /// `index:` in .retro.yml: where the SQLite index lives.
  var indexPath: String? { file.values["index"]?.scalarText }

  /// `publish:` in .retro.yml: `templates` (a folder overriding the built-in publishing
  /// templates) and `siteTitle`.
  func publishSetting(_ key: String) -> String? {
    guard case .table(let table)? = file.values["publish"] else { return nil }
    return table[key]?.scalarText
  }

  /// `internalSections:` in .retro.yml: headings or kinds never published.
  var internalSections: [String] { file.values["internalSections"]?.stringList ?? [] }
}
