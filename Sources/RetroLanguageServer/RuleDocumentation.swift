import Foundation
import RetroCore
import RetroLint

/// Each rule's documentation as a Markdown file the editor can open (`codeDescription`
/// needs a URI, and retro works offline): written once per version under the user's cache
/// folder, atomically, from the same descriptions `retro rules ID` prints.
final class RuleDocumentation: @unchecked Sendable {
  private let folder: String
  private var written: [String: String] = [:]
  private let lock = NSLock()

  init(cacheFolder: String? = nil) {
    let environment = ProcessInfo.processInfo.environment
    let cache = cacheFolder ?? environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"].map { $0 + "/.cache" } ?? NSTemporaryDirectory())
    folder = "\(cache)/retro/rules-\(RetroVersion.current)"
  }

  /// A `file:` URI of the rule's page, or nil when it cannot be written.
  func uri(for ruleId: String) -> String? {
    lock.lock()
    defer { lock.unlock() }
    if let uri = written[ruleId] { return uri }
    guard let description = RuleRegistry.description(of: ruleId) else { return nil }
    let path = "\(folder)/\(ruleId).md"
    if !FileManager.default.fileExists(atPath: path) {
      do {
        try SafeFileWriter.write(Self.page(description), to: path)
      } catch {
        // Another server may have written it meanwhile; otherwise there is no page.
        guard FileManager.default.fileExists(atPath: path) else { return nil }
      }
    }
    let uri = OpenDocument.uri(of: path)
    written[ruleId] = uri
    return uri
  }

  static func page(_ d: RuleDescription) -> String {
    var text = "# \(d.identifier): \(d.name)\n\n\(d.description)\n\n**Why:** \(d.rationale)\n\n"
    text += "Default severity: \(d.severity.rawValue). Fixable: \(d.fixable ? "yes (quick fix, `retro lint --fix`)" : "no").\n\n"
    text += "Turn it off for a line with `<!-- retro-disable-next-line \(d.identifier) -->`, or everywhere under `rules:` in `.retro.yml`.\n"
    for (title, examples) in [("Triggers on", d.triggeringExamples), ("Does not trigger on", d.nonTriggeringExamples)] {
      text += "\n## \(title)\n"
      for example in examples {
        for file in example.files {
          text += "\n```markdown\n" + RuleExample.strip(file.text).text + "\n```\n"
        }
      }
    }
    return text
  }
}
