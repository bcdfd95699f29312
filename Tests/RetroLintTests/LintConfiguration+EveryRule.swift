@testable import RetroLint

extension LintConfiguration {
  /// Every rule on (`profile: strict`): tests of a rule's findings and fixes are about the
  /// rule, whichever profile turns it on.
  static var everyRule: LintConfiguration {
    var configuration = LintConfiguration()
    configuration.profile = .strict
    return configuration
  }
}
