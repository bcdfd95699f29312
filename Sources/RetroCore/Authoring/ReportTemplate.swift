import Foundation

/// A Markdown report template with `{{title}}`, `{{date}}`, `{{severity}}` and `{{author}}`
/// slots, filled by `retro new`.
public struct ReportTemplate: Sendable {
  public var name: String
  public var text: String

  public init(name: String, text: String) {
    self.name = name
    self.text = text
  }

  /// The names of the built-in templates.
  public static var builtInNames: [String] { BuiltInTemplates.all.keys.sorted() }

  /// The template `name` from `directory` when it has one (a user's templates override the
  /// built-in ones), else the built-in one.
  public static func named(_ name: String, userDirectory directory: String?) throws -> ReportTemplate {
    if let directory {
      let path = URL(fileURLWithPath: directory).appendingPathComponent(name + ".md").path
      if FileManager.default.fileExists(atPath: path) {
        return ReportTemplate(name: name, text: try SourceFile.load(path: path).text)
      }
    }
    guard let text = BuiltInTemplates.all[name] else {
      var names = builtInNames
      if let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) {
        names += files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
      }
      throw InputError(
        path: directory ?? "templates", message: "no template named '\(name)' (available: \(Set(names).sorted().joined(separator: ", ")))")
    }
    return ReportTemplate(name: name, text: text)
  }

  /// The template with its slots filled.
  ///
  /// In the front matter (YAML between `---` lines, TOML between `+++` lines) each value is
  /// written so that it reads back exactly as given (`FrontMatterScalar`): inside a
  /// double-quoted string escaped for it, on its own as a whole scalar (YAML plain when that
  /// is safe, else double-quoted; `'{{title}}'` becomes a double-quoted scalar too). In the
  /// Markdown body, where a heading or a label is one line, a value is made one line.
  /// `{{date}}` is always written as it is: a date needs no quoting.
  public func render(title: String, date: CalendarDate, severity: String, author: String) -> String {
    let values = ["title": title, "severity": severity, "author": author]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let fence = lines.first.map { $0.trimmingTrailingWhitespace }
    let format: FrontMatter.Format? = fence == "---" ? .yaml : fence == "+++" ? .toml : nil
    var inFrontMatter = false
    var out: [String] = []
    for (number, line) in lines.enumerated() {
      if number == 0, format != nil {
        inFrontMatter = true
      } else if inFrontMatter, let fence, line.trimmingTrailingWhitespace == fence || (format == .yaml && line.trimmingTrailingWhitespace == "...") {
        inFrontMatter = false
      } else if inFrontMatter, let format {
        out.append(Self.fillFrontMatter(line, values: values, format: format).replacingOccurrences(of: "{{date}}", with: date.description))
        continue
      }
      var filled = String(line).replacingOccurrences(of: "{{date}}", with: date.description)
      for (name, value) in values { filled = filled.replacingOccurrences(of: "{{\(name)}}", with: InlineText.collapse(value)) }
      out.append(filled)
    }
    return out.joined(separator: "\n")
  }

  /// A front-matter line with its slots filled, each as its place in the line needs: in a
  /// comment one line, in a double-quoted string escaped, in a single-quoted one (YAML) with
  /// its quotes doubled, and where a value starts a whole scalar.
  static func fillFrontMatter(_ line: Substring, values: [String: String], format: FrontMatter.Format) -> String {
    enum Place { case bare, doubleQuoted, singleQuoted, comment }
    var place = Place.bare
    var out = ""
    var rest = line[...]
    while let character = rest.first {
      if character == "{", let (name, value) = values.first(where: { rest.hasPrefix("{{\($0.key)}}") }) {
        let slot = "{{\(name)}}"
        rest = rest.dropFirst(slot.count)
        switch place {
        case .comment: out += InlineText.collapse(value)
        case .doubleQuoted: out += FrontMatterScalar.doubleQuotedContent(value)
        case .singleQuoted where out.hasSuffix("'") && rest.hasPrefix("'") && Self.startsScalar(out.dropLast()):
          // The quotes hold only the slot: the value becomes a double-quoted scalar instead.
          out.removeLast()
          rest = rest.dropFirst()
          out += FrontMatterScalar.doubleQuoted(value)
        case .singleQuoted:
          // Part of a longer single-quoted string, which has no escapes but YAML's `''`.
          let one = InlineText.collapse(value)
          out += format == .yaml ? one.replacingOccurrences(of: "'", with: "''") : one.replacingOccurrences(of: "'", with: "\u{2019}")
        case .bare where Self.startsScalar(out[...]):
          out += format == .yaml ? FrontMatterScalar.yaml(value) : FrontMatterScalar.doubleQuoted(value)
        case .bare:
          // Inside a plain scalar the template began: kept to one line, as it was.
          out += InlineText.collapse(value)
        }
        continue
      }
      rest = rest.dropFirst()
      out.append(character)
      switch (place, character) {
      case (.bare, "\""): place = .doubleQuoted
      case (.bare, "'"): place = .singleQuoted
      case (.bare, "#") where format == .toml || out.count == 1 || out.dropLast().last?.isWhitespace == true: place = .comment
      case (.doubleQuoted, "\\"):
        // An escape: the next character is part of the string whatever it is.
        if let escaped = rest.first, escaped != "{" {
          out.append(escaped)
          rest = rest.dropFirst()
        }
      case (.doubleQuoted, "\""): place = .bare
      case (.singleQuoted, "'"): place = .bare
      default: break
      }
    }
    return out
  }

  /// Whether a value written after `prefix` starts a scalar of its own: the line so far is
  /// blank, or ends in a key's `: ` or `=`, a list's `- `, `[` or `,`, or a `{`.
  static func startsScalar(_ prefix: Substring) -> Bool {
    var trimmed = prefix
    while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
    guard let last = trimmed.last else { return true }
    let spaced = trimmed.count < prefix.count
    switch last {
    case ":": return spaced
    case "-": return spaced && trimmed.dropLast().allSatisfy { $0 == " " || $0 == "\t" }
    case "=", "[", ",", "{": return true
    default: return false
    }
  }

  /// `2019-02-25-fleet-roll-out-took-the-site-down`: lowercase ASCII letters, digits and
  /// hyphens only, so a title can never name a path outside the folder. Latin letters with
  /// accents lose them (`Störung` → `storung`, `Ünïcode` → `unicode`) and the letters that
  /// have no accent to drop are spelled out (`ß` → `ss`, `æ` → `ae`, `ø` → `o`), so a title
  /// in German, French or Polish keeps its words; a title with no Latin letter at all (one
  /// in Japanese) gives `incident`, and `retro new` adds `-2`, `-3` when that name is taken.
  public static func slug(_ title: String) -> String {
    var slug = ""
    var spelled = ""
    for character in title.lowercased() {
      if let ascii = spelledOut[character] { spelled += ascii } else { spelled.append(character) }
    }
    let folded = spelled.folding(options: .diacriticInsensitive, locale: nil)
    for scalar in folded.lowercased().unicodeScalars {
      // ASCII letters and digits: what `CharacterSet.alphanumerics` holds below U+0080.
      if scalar.isASCII, let value = Optional(scalar.value),
        (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
      {
        slug.unicodeScalars.append(scalar)
      } else if !slug.isEmpty, !slug.hasSuffix("-") {
        slug.append("-")
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    if slug.count > 60 {
      // At a word's end: `…-resolver-config` rather than `…-resolver-con`.
      let head = slug.prefix(61)
      slug = head.hasSuffix("-") || head.count < 61 ? String(head) : String(head[..<(head.lastIndex(of: "-") ?? head.endIndex)])
      if slug.count > 60 { slug = String(slug.prefix(60)) }
      while slug.hasSuffix("-") { slug.removeLast() }
    }
    return slug.isEmpty ? "incident" : slug
  }

  /// Latin letters that folding accents away leaves as they are.
  static let spelledOut: [Character: String] = [
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
  ]
}
