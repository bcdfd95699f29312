import Foundation
import RetroCore

/// The minimal layouts `retro publish --layouts` writes next to the posts, so a bare
/// `hugo new site` or an empty Jekyll folder renders them: a base page, a post page that
/// draws the timeline from the post's `incident` data (Hugo's partial `retro-timeline.html`
/// and shortcode `{{< retro-timeline >}}`, Jekyll's include `retro-timeline.html`), the
/// index of posts and a stylesheet. A file of the site's own is kept as it is; one retro
/// wrote (it carries the marker) is brought up to date.
public enum PostLayouts {
  /// Path in the site → path under templates/layouts.
  public static func files(for format: PostFormat) -> [(site: String, template: String)] {
    let prefix = format == .hugo ? "hugo/" : "jekyll/"
    var files = BuiltInLayouts.all.keys.filter { $0.hasPrefix(prefix) }.sorted().map { (String($0.dropFirst(prefix.count)), $0) }
    files.append((format == .hugo ? "static/retro.css" : "assets/retro.css", "retro.css"))
    return files
  }

  public struct Outcome: Sendable, Equatable {
    public var written: [String] = []
    /// The site's own files where a layout would go, left as they are.
    public var kept: [String] = []
  }

  public static func write(_ format: PostFormat, to output: String, force: Bool = false) throws -> Outcome {
    var outcome = Outcome()
    for (site, template) in files(for: format) {
      guard let text = BuiltInLayouts.all[template] else { continue }
      let destination = try OutputPath.resolve(site, in: output)
      let exists = FileManager.default.fileExists(atPath: destination)
      if exists {
        do {
          try OutputPath.checkOwnership(destination, force: force)
        } catch {
          outcome.kept.append(site)
          continue
        }
        if (try? String(contentsOfFile: destination, encoding: .utf8)) == text + "\n" || (try? String(contentsOfFile: destination, encoding: .utf8)) == text { continue }
      }
      try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try SafeFileWriter.write(text.hasSuffix("\n") ? text : text + "\n", to: destination, replacing: exists)
      outcome.written.append(site)
    }
    return outcome
  }
}
