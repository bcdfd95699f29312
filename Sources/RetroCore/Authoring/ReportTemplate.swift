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

  /// The template with its slots filled. Values are made safe for a quoted YAML string and a
  /// Markdown heading: one line, no double quotes or backslashes.
  public func render(title: String, date: CalendarDate, severity: String, author: String) -> String {
    func clean(_ value: String) -> String {
      InlineText.collapse(value).replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\\", with: "/")
    }
    return text.replacingOccurrences(of: "{{title}}", with: clean(title))
      .replacingOccurrences(of: "{{date}}", with: date.description)
      .replacingOccurrences(of: "{{severity}}", with: clean(severity))
      .replacingOccurrences(of: "{{author}}", with: clean(author))
  }

  /// `2019-02-25-fleet-roll-out-took-the-site-down`: lowercase ASCII letters, digits and
  /// hyphens only, so a title can never name a path outside the folder.
  public static func slug(_ title: String) -> String {
    var slug = ""
    for scalar in title.lowercased().unicodeScalars {
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
      slug = String(slug.prefix(60))
      while slug.hasSuffix("-") { slug.removeLast() }
    }
    return slug.isEmpty ? "incident" : slug
  }
}
