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
  /// The file's text, for the excerpt under an error.
  public var source = ""

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
    file.source = text
    file.values = try YAMLFrontMatterReader.read(text, path: path, firstLine: 1, what: "the configuration")
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
          throw file.error(key: "vocabulary", entry: key, "has an unknown section kind '\(key)' (known: \(known))")
        }
        file.parser.vocabulary[kind, default: []].append(contentsOf: value.stringList)
      }
    }
    return file
  }

  /// An error about `key`, at its line; with `entry`, at the place under the key that names
  /// it (a rule id in `rules:`, a kind in `vocabulary:`), where that can be found.
  public func error(key: String, entry: String? = nil, _ message: String) -> InputError {
    error(key: key, at: entry.map { [$0] } ?? [], message)
  }

  /// An error about `key` at the place of the last of `path`, each entry looked for from the
  /// place of the one before (`phrases:` → `blaming_language` → `remove`).
  public func error(key: String, at entries: [String], _ message: String) -> InputError {
    var line = keyLines[key]
    var column = 1
    if let keyLine = line {
      var from = (line: keyLine, column: 1)
      for entry in entries {
        guard let place = Self.place(of: entry, in: source, under: keyLine, from: from) else { break }
        from = place
      }
      (line, column) = from
    }
    return InputError(path: path ?? Self.fileName, line: line, column: column, message: "'\(key)' \(message)").quoting(source)
  }

  /// Where `entry` first stands as a whole word in the value of the top-level key on line
  /// `keyLine` (that line, for a flow value, and the indented lines after it), at or after
  /// `from`, or past it on the same line.
  static func place(of entry: String, in text: String, under keyLine: Int, from: (line: Int, column: Int)) -> (line: Int, column: Int)? {
    guard !entry.isEmpty else { return nil }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var number = from.line
    while number <= lines.count {
      let line = lines[number - 1]
      if number > keyLine, let first = line.first, first != " ", first != "\t", first != "#", first != "-" { break }
      var searchStart = line.startIndex
      if number == keyLine { searchStart = line.firstIndex(of: ":") ?? line.startIndex }
      if number == from.line, from.column > 1 {
        searchStart = max(searchStart, line.index(line.startIndex, offsetBy: min(from.column, line.count)))
      }
      while let found = line[searchStart...].range(of: entry) {
        let before = found.lowerBound > line.startIndex ? line[line.index(before: found.lowerBound)] : " "
        let after = found.upperBound < line.endIndex ? line[found.upperBound] : " "
        if !isWordCharacter(before), !isWordCharacter(after) {
          return (number, line.distance(from: line.startIndex, to: found.lowerBound) + 1)
        }
        searchStart = found.upperBound
      }
      number += 1
    }
    return nil
  }

  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_" || character == "-"
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
