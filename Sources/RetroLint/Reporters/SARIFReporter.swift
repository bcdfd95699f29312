import Foundation
import RetroCore

/// SARIF 2.1.0 with rule metadata, as GitHub code scanning accepts it.
public struct SARIFReporter: Reporter {
  public static let identifier = "sarif"

  public init() {}

  private struct Log: Encodable {
    var version = "2.1.0"
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var runs: [Run]
    enum CodingKeys: String, CodingKey {
      case version
      case schema = "$schema"
      case runs
    }
  }

  private struct Run: Encodable {
    var tool: Tool
    var results: [Result]
  }

  private struct Tool: Encodable {
    var driver: Driver
  }

  private struct Driver: Encodable {
    var name = "retro"
    var version: String
    var rules: [RuleMetadata]
  }

  private struct Text: Encodable {
    var text: String
  }

  private struct RuleMetadata: Encodable {
    var id: String
    var name: String
    var shortDescription: Text
    var fullDescription: Text
    var help: Text
    var defaultConfiguration: [String: String]
  }

  private struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Text
    var locations: [Location]
    var relatedLocations: [Location]?
  }

  private struct Location: Encodable {
    var physicalLocation: PhysicalLocation
    var message: Text?
  }

  private struct PhysicalLocation: Encodable {
    var artifactLocation: [String: String]
    var region: [String: Int]
  }

  static func level(_ severity: DiagnosticSeverity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "note"
    }
  }


  public func report(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]]) -> String {
    let descriptions = RuleRegistry.descriptions
    let rules = descriptions.map { d in
      RuleMetadata(
        id: d.identifier, name: d.name.replacingOccurrences(of: " ", with: ""), shortDescription: Text(text: d.description),
        fullDescription: Text(text: d.description + " " + d.rationale), help: Text(text: d.rationale),
        defaultConfiguration: ["level": Self.level(d.severity)])
    }
    let index = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($1.identifier, $0) })
    let results = diagnostics.map { d in
      Result(
        ruleId: d.ruleId, ruleIndex: index[d.ruleId] ?? -1, level: Self.level(d.severity), message: Text(text: d.message),
        locations: [
          Location(
            physicalLocation: PhysicalLocation(artifactLocation: ["uri": Self.uri(d.path)], region: ["startLine": d.line, "startColumn": d.column]),
            message: nil)
        ],
        relatedLocations: d.note.map { note in
          [
            Location(
              physicalLocation: PhysicalLocation(
                artifactLocation: ["uri": Self.uri(note.path)], region: ["startLine": note.line, "startColumn": 1]),
              message: Text(text: note.message))
          ]
        })
    }.map { result -> Result in
      var copy = result
      if copy.ruleIndex < 0 { copy.ruleIndex = 0 }
      return copy
    }
    let log = Log(runs: [Run(tool: Tool(driver: Driver(version: RetroVersion.current, rules: rules)), results: results)])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(log)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// A relative URI as code scanning wants it: no leading `./`, spaces escaped.
  static func uri(_ path: String) -> String {
    var trimmed = path
    while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
    return trimmed.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? trimmed
  }
}
