import RetroCore

/// Makes a post's body inert for the generator that builds it, so the page shows the report's
/// text and nothing in it runs.
///
/// Jekyll evaluates Liquid (`{{ }}`, `{% %}`) over the whole body before Markdown, code and
/// all, so every `{{` and `{%` becomes a Liquid expression that prints it: `{{ "{{" }}`. The
/// rendered text is the same in prose, code spans and fences, and nothing is left that could
/// open or close a tag (a `{% raw %}` block cannot hold `{% endraw %}`, so wrapping is not
/// used). Kramdown's own `{:` attribute lists and `{::` extensions are backslash-escaped in prose.
///
/// Hugo runs shortcodes (`{{< >}}`, `{{% %}}`) over the body before Markdown, code and all.
/// Each opener becomes Hugo's documented comment form, `{{</* … */>}}`, which prints the
/// shortcode as text; an opener with no closer is closed by an HTML comment at the end of the
/// post, which the page does not show.
///
/// Both: outside code, raw HTML (`<script>`, `<img onerror>`) is written as text (`&lt;`), and a
/// link destination the site would not follow (`javascript:`, `data:`; `HTMLRenderer.isSafe`)
/// gets a leading `#`, so it stays on the page as an inert fragment. The excerpt separator
/// retro places, on a line of its own, is left as it is; the same text elsewhere is escaped.
struct PostEscaper {
  var format: PostFormat
  var excerptSeparator: String

  func escape(_ body: String) -> String {
    let prose = escapeProse(body)
    switch format {
    case .jekyll: return Self.liquid(prose)
    case .hugo: return Self.shortcodes(prose)
    }
  }

  // MARK: - Templates (context-free: the generators do not know about code either)

  /// `{{` → `{{ "{{" }}`, `{%` → `{{ "{%" }}`, left to right, so no pair survives.
  static func liquid(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") || bytes[i + 1] == UInt8(ascii: "%") {
        out += Array("{{ \"{".utf8) + [bytes[i + 1]] + Array("\" }}".utf8)
        i += 2
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `{{< x >}}` → `{{</* x */>}}` (and the same for `{{%`); Hugo prints the part between the
  /// comment markers as text.
  static func shortcodes(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      guard bytes[i] == UInt8(ascii: "{"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "{"),
        bytes[i + 2] == UInt8(ascii: "<") || bytes[i + 2] == UInt8(ascii: "%")
      else {
        out.append(bytes[i])
        i += 1
        continue
      }
      let delimiter = bytes[i + 2]
      let closer = [delimiter == UInt8(ascii: "<") ? UInt8(ascii: ">") : delimiter, UInt8(ascii: "}"), UInt8(ascii: "}")]
      out += [UInt8(ascii: "{"), UInt8(ascii: "{"), delimiter] + Array("/*".utf8)
      if let end = find(closer, in: bytes, from: i + 3) {
        out += bytes[(i + 3)..<end] + Array("*/".utf8) + closer
        i = end + 3
      } else {
        // No closer anywhere after: the rest is the shortcode's text, and the closer goes in
        // an HTML comment of its own at the end, where the page shows nothing.
        out += bytes[(i + 3)...] + Array("\n\n<!-- */".utf8) + closer + Array(" -->\n".utf8)
        i = bytes.count
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
    for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
      if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
    }
    return nil
  }

  // MARK: - Prose (outside code)

  /// Walks the body line by line, leaving the lines of code blocks (fenced or indented, at
  /// any depth in lists and quotes, as the Markdown parser finds them) alone; every other
  /// line goes through `escapeLine`.
  ///
  /// A fenced block with no closing fence is prose here: the Markdown parser runs it to the end
  /// of the post, but kramdown does not take it as code at all, so its lines are escaped (at
  /// worst Hugo shows `&lt;` inside that block).
  func escapeProse(_ body: String) -> String {
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    var code = Set<Int>()
    func collect(_ node: MarkdownNode) {
      if case .codeBlock = node.kind, let range = node.range, range.start.line <= range.end.line,
        !Self.isUnclosedFence(lines, from: range.start, to: range.end.line)
      {
        code.formUnion(range.start.line...range.end.line)
      }
      node.children.forEach(collect)
    }
    collect(MarkdownDocument(parsing: body).root)
    return lines.enumerated().map { index, line in
      code.contains(index + 1) ? String(line) : escapeLine(line)
    }.joined(separator: "\n")
  }

  /// True when the code block starting at `start` opens with a fence (``` or ~~~) and its last
  /// line (`end`) is not a closing fence of the same character, at least as long.
  static func isUnclosedFence(_ lines: [Substring], from start: SourceLocation, to end: Int) -> Bool {
    func fence(_ line: Int) -> (character: Character, count: Int, rest: Substring)? {
      guard line >= 1, line <= lines.count else { return nil }
      let text = lines[line - 1].dropFirst(max(0, (start.column ?? 1) - 1)).drop(while: { $0 == " " || $0 == "\t" })
      guard let first = text.first, first == "`" || first == "~" else { return nil }
      let run = text.prefix(while: { $0 == first })
      return run.count >= 3 ? (first, run.count, text[run.endIndex...]) : nil
    }
    guard let opener = fence(start.line) else { return false }
    guard end > start.line, let closer = fence(end), closer.character == opener.character,
      closer.count >= opener.count, closer.rest.trimmingWhitespace().isEmpty
    else { return true }
    return false
  }

  /// The first backtick in `text` not escaped by a backslash (`` \` `` is a literal backtick
  /// in both generators, not a code span's opener).
  static func firstUnescapedTick(in text: Substring) -> Substring.Index? {
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "\\" {
        index = text.index(after: index)
        if index < text.endIndex { index = text.index(after: index) }
        continue
      }
      if character == "`" { return index }
      index = text.index(after: index)
    }
    return nil
  }

  /// One line of prose: code spans (a backtick run to the next run of the same length) kept;
  /// a backslash-escaped backtick opens none.
  func escapeLine(_ line: Substring) -> String {
    var out = ""
    var rest = line[...]
    while let tick = Self.firstUnescapedTick(in: rest) {
      out += escapeInline(rest[..<tick])
      let run = rest[tick...].prefix(while: { $0 == "`" })
      let afterRun = run.endIndex
      let marker = String(run)
      if let close = rest[afterRun...].range(of: marker),
        rest[close.upperBound...].first != "`"
      {
        out += rest[tick..<close.upperBound]
        rest = rest[close.upperBound...]
      } else {
        out += marker
        rest = rest[afterRun...]
      }
    }
    return out + escapeInline(rest)
  }

  /// Raw HTML as text, unsafe link destinations made fragments, kramdown's `{:` escaped.
  func escapeInline(_ text: Substring) -> String {
    var out = ""
    var index = text.startIndex
    while index < text.endIndex {
      let rest = text[index...]
      // Retro places its separator on a line of its own; anywhere else the same text is the
      // author's, and a comment with text after it on its line would make an HTML block
      // that passes the rest of the line through raw.
      if index == text.startIndex, !excerptSeparator.isEmpty,
        text.trimmingWhitespace() == excerptSeparator
      {
        out += text
        index = text.endIndex
        continue
      }
      let character = text[index]
      let next = text.index(after: index)
      if character == "<", next < text.endIndex {
        let following = text[next]
        if let end = rest.firstIndex(of: ">"), Self.isAutolink(rest[next..<end]) {
          out += rest[...end]
          index = text.index(after: end)
          continue
        }
        if following.isLetter || following == "/" || following == "!" || following == "?" {
          out += "&lt;"
          index = next
          continue
        }
      }
      if character == "{", format == .jekyll, next < text.endIndex, text[next] == ":" {
        out += "\\{"
        index = next
        continue
      }
      if character == "]", next < text.endIndex, text[next] == "(" || text[next] == ":" {
        var start = text.index(after: next)
        var opening = String(text[index..<start])
        while start < text.endIndex, text[start] == " " || text[start] == "\t" || text[start] == "<" {
          opening.append(text[start])
          start = text.index(after: start)
        }
        // The destination starts on a later line, out of this line's sight: `\]` makes no
        // link (or reference definition) in kramdown or goldmark, and shows `]`.
        if start == text.endIndex {
          out += "\\" + opening
          index = start
          continue
        }
        out += opening
        let end = text[start...].firstIndex(where: { $0 == " " || $0 == ")" || $0 == ">" }) ?? text.endIndex
        let destination = String(text[start..<end])
        if !destination.isEmpty, !HTMLRenderer.isSafe(destination) { out += "#" }
        index = start
        continue
      }
      out.append(character)
      index = next
    }
    return out
  }

  /// `<https://example.org>` and `<mailto:a@b>`: links both generators make, safe ones only.
  static func isAutolink(_ inside: Substring) -> Bool {
    guard let colon = inside.firstIndex(of: ":"), !inside.contains(where: { $0 == " " || $0 == "<" || $0 == "\"" || $0 == "'" })
    else { return false }
    return ["http", "https", "mailto"].contains(inside[..<colon].lowercased())
  }
}
