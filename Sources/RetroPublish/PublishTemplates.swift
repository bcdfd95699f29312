import Foundation
import Mustache

/// The Mustache templates publishing renders through: the built-in ones, each replaceable by
/// a file of the same name in the user's folder (`site/layout.mustache` overrides
/// `site/layout`). Every template is parsed up front, so a syntax error is reported with its
/// file, line and column before anything is written, and so is a cycle of partials or
/// nesting past `TemplateShape.maximumDepth`, which would crash the renderer.
public struct PublishTemplates: Sendable {
  private var templates: [String: MustacheTemplate] = [:]
  /// Where each template came from, for messages: a file path or `built-in NAME`.
  public private(set) var origins: [String: String] = [:]

  public static var builtInNames: [String] { BuiltInPublishTemplates.all.keys.sorted() }

  public init(userDirectory: String? = nil) throws {
    var sources: [String: (origin: String, text: String)] = [:]
    for (name, text) in BuiltInPublishTemplates.all { sources[name] = ("built-in template \(name)", text) }
    if let userDirectory {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: userDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw TemplateError(file: userDirectory, message: "is not a folder of templates")
      }
      let root = URL(fileURLWithPath: userDirectory)
      let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
      while let url = enumerator?.nextObject() as? URL {
        guard url.pathExtension == "mustache" else { continue }
        let relative = url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)
        let name = String(relative.dropLast(".mustache".count))
        guard let data = FileManager.default.contents(atPath: url.path) else {
          throw TemplateError(file: url.path, message: "cannot be read")
        }
        sources[name] = (url.path, String(decoding: data, as: UTF8.self))
      }
    }
    // Cycles and depth first: swift-mustache recurses on both, and a crash cannot be caught.
    var shapes: [String: TemplateShape] = [:]
    for name in sources.keys.sorted() {
      guard let source = sources[name] else { continue }
      shapes[name] = try TemplateShape(source.text, origin: source.origin)
    }
    try Self.checkInclusions(shapes, origins: sources.mapValues(\.origin))
    for (name, source) in sources {
      do {
        templates[name] = try MustacheTemplate(string: source.text)
      } catch let error as MustacheTemplate.ParserError {
        throw TemplateError(
          file: source.origin, line: error.context.lineNumber, column: error.context.columnNumber,
          message: "template syntax: \(Self.describe(error.error))")
      }
      origins[name] = source.origin
    }
  }

  static func describe(_ error: Error) -> String {
    switch error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect?: return "a section is closed with the wrong name"
    case .unfinishedName?: return "a tag is not closed with }}"
    case .expectedSectionEnd?: return "a section is opened but never closed"
    case .invalidSetDelimiter?: return "invalid set-delimiter tag"
    default: return "\(error)"
    }
  }

  public var names: [String] { templates.keys.sorted() }

  /// Renders template `name` with `data`.
  public func render(_ name: String, _ data: [String: Any]) throws -> String {
    guard let template = templates[name] else {
      throw TemplateError(file: name + ".mustache", message: "no template named '\(name)' (known: \(names.joined(separator: ", ")))")
    }
    let library = MustacheLibrary(templates: templates)
    return template.render(data, library: library)
  }
}
