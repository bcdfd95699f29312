import Foundation
import RetroCore
import RetroPublish

/// What a published post must never hold, whatever the report was: checked on every post the
/// fuzzer renders. Each check is the generator's own rule, not retro's escaping read back.
///
/// - Jekyll: Liquid opens a tag at every `{{` and `{%`; the only ones allowed are retro's
///   printing forms `{{ "{{" }}` and `{{ "{%" }}`.
/// - Hugo: a shortcode opens at every `{{<` and `{{%`; each must be the comment form
///   (`{{</*` … the first `*/>}}`), as Hugo's lexer reads it.
/// - Both, read by a CommonMark parser: no raw HTML but comments, no link or image whose
///   destination the site would not follow (`HTMLRenderer.isSafe`).
/// - Front matter: none of the keys that move, hide or list pages (`PostOracle.siteKeys`);
///   `excerpt_separator`, when written, is `<!--more-->`; `summary`, which Hugo renders as
///   Markdown, holds no raw HTML or unsafe link either.
enum PostOracle {
  static let siteKeys: Set<String> = [
    "permalink", "url", "slug", "aliases", "redirect_from", "redirect_to", "outputs", "cascade", "build", "_build",
    "published", "sitemap", "type", "headless", "expirydate", "expiry_date", "publishdate", "publish_date", "pubdate",
    "unpublishdate", "menu", "menus", "weight",
  ]

  static func problem(in post: String, format: PostFormat) -> String? {
    guard let split = try? FrontMatterSplitter.split(post, path: "post.md") else { return "the post's front matter does not read back" }
    if let keys = split.frontMatter?.values.keys, let key = keys.first(where: { siteKeys.contains($0.lowercased()) }) {
      return "front matter key \(key)"
    }
    if let separator = split.frontMatter?.values["excerpt_separator"]?.scalarText, separator != "<!--more-->" {
      return "excerpt_separator \(separator.debugDescription)"
    }
    if let summary = split.frontMatter?.values["summary"]?.scalarText, let problem = markdown(MarkdownDocument(parsing: summary).root) {
      return "summary: \(problem)"
    }
    let body = Array(split.body.utf8)
    if let problem = format == .jekyll ? liquid(body) : shortcodes(body) { return problem }
    return markdown(MarkdownDocument(parsing: split.body).root)
  }

  static func starts(_ bytes: [UInt8], _ index: Int, _ text: String) -> Bool {
    let needle = Array(text.utf8)
    return index + needle.count <= bytes.count && bytes[index..<(index + needle.count)].elementsEqual(needle)
  }

  static func liquid(_ bytes: [UInt8]) -> String? {
    var i = 0
    while i + 1 < bytes.count {
      if starts(bytes, i, "{{ \"{{\" }}") || starts(bytes, i, "{{ \"{%\" }}") {
        i += 10
      } else if starts(bytes, i, "{{") || starts(bytes, i, "{%") {
        return "a Liquid tag at byte \(i)"
      } else {
        i += 1
      }
    }
    return nil
  }

  static func shortcodes(_ bytes: [UInt8]) -> String? {
    var i = 0
    while i + 2 < bytes.count {
      guard starts(bytes, i, "{{<") || starts(bytes, i, "{{%") else {
        i += 1
        continue
      }
      let closer = bytes[i + 2] == UInt8(ascii: "<") ? "*/>}}" : "*/%}}"
      guard starts(bytes, i + 3, "/*") else { return "a shortcode at byte \(i)" }
      var j = i + 5
      while j < bytes.count, !starts(bytes, j, closer) { j += 1 }
      guard j < bytes.count else { return "an unclosed shortcode comment at byte \(i)" }
      i = j + 5
    }
    return nil
  }

  static func markdown(_ node: MarkdownNode) -> String? {
    switch node.kind {
    case .htmlInline(let html), .htmlBlock(let html):
      let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
      if !(trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")) { return "raw HTML \(html.debugDescription)" }
    case .link(let destination, _), .image(let destination, _):
      // A destination that starts with `#` (as the escaper makes an unsafe one) is a fragment
      // of the same page, which no browser runs, whatever follows; `isSafe` is stricter.
      if !destination.hasPrefix("#"), !HTMLRenderer.isSafe(destination) {
        return "an unsafe destination \(destination.debugDescription)"
      }
    default: break
    }
    for child in node.children {
      if let problem = markdown(child) { return problem }
    }
    return nil
  }
}
