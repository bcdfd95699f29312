import Foundation
import Yams

/// `.retro.yml`: found in the working directory or above it, or named with `--config`.
///
/// This type reads the file and the keys the parser needs; other modules read their own
/// keys from `values`. A key with a value of the wrong type is an error naming the file and
/// the key's line.
public struct ConfigurationFile: Sendable {
  public static let fileName = ".retro.yml"

  public var path: String?
  public var values: FrontMatterTable
  /// The line each top-level key is on, for error messages.
  public var keyLines: [String: Int]
  public var parser: ParserConfiguration

  public init() {
    self.path = nil
    self.values = FrontMatterTable()
    self.keyLines = [:]
    self.parser = ParserConfiguration()
  }

  /// The nearest `.retro.yml` in `directory` or a parent.
  public static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
    var url = URL(fileURLWithPath: directory).standardizedFileURL
    while true {
      let candidate = url.appendingPathComponent(fileName).path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }

  /// Loads `path`, or the file found upward, or the defaults when there is none.
  public static func load(path explicit: String? = nil) throws -> ConfigurationFile {
    guard let path = explicit ?? find() else { return ConfigurationFile() }
    let source = try SourceFile.load(path: path)
    return try parse(source.text, path: path)
  }

  public static func parse(_ text: String, path: String) throws -> ConfigurationFile {
    var file = ConfigurationFile()
    file.path = path
    file.values = try YAMLFrontMatterReader.read(text, path: path, firstLine: 1)
    file.keyLines = topLevelKeyLines(text)
    if let zone = file.values["timezone"] {
      guard let name = zone.scalarText, TimeZoneResolver.zone(named: name) != nil else {
        throw file.error(key: "timezone", "must be a time zone such as UTC, CET, +02:00 or Europe/Berlin")
      }
      file.parser.defaultTimeZone = name
    }
    if let order = file.values["dateOrder"] {
      guard let text = order.scalarText, let value = DateOrder(rawValue: text) else {
        throw file.error(key: "dateOrder", "must be day-first or month-first")
      }
      file.parser.dateOrder = value
    }
    if let vocabulary = file.values["vocabulary"] {
      guard case .table(let table) = vocabulary else {
        throw file.error(key: "vocabulary", "must map section kinds to lists of headings")
      }
      for (key, value) in table.entries {
        guard let kind = SectionKind(rawValue: key), kind != .custom else {
          let known = SectionKind.allCases.filter { $0 != .custom }.map(\.rawValue).joined(separator: ", ")
          throw file.error(key: "vocabulary", "has an unknown section kind '\(key)' (known: \(known))")
        }
        file.parser.vocabulary[kind, default: []].append(contentsOf: value.stringList)
      }
    }
    return file
  }

  /// An error about `key`, at its line.
  public func error(key: String, _ message: String) -> InputError {
    InputError(path: path ?? Self.fileName, line: keyLines[key], column: 1, message: "'\(key)' \(message)")
  }

  private static func topLevelKeyLines(_ text: String) -> [String: Int] {
    var lines: [String: Int] = [:]
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard let first = line.first, first != " ", first != "#", first != "-",
        let colon = line.firstIndex(of: ":")
      else { continue }
      let key = line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
      if lines[key] == nil { lines[key] = offset + 1 }
    }
    return lines
  }
}
