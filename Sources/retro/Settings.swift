import RetroCore
import RetroLint

/// The configuration file, read once and checked whole.
struct Settings {
  var file: ConfigurationFile
  var lint: LintConfiguration

  static func load(_ path: String?) throws -> Settings {
    let file = try ConfigurationFile.load(path: path)
    return Settings(file: file, lint: try LintConfiguration.from(file, knownRules: RuleRegistry.identifiers))
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
