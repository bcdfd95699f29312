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


  /// The log with its results written one at a time by hand, in the bytes `JSONEncoder`
  /// (pretty, sorted keys, slashes unescaped) gives for the whole log: encoding every result
  /// at once held the log several times over (770 MB for 156,000 findings). The frame, with
  /// the rule metadata, is still the encoder's; a test compares the bytes.
  public func write(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]], to output: (String) -> Void) {
    let descriptions = RuleRegistry.descriptions
    let rules = descriptions.map { d in
      RuleMetadata(
        id: d.identifier, name: d.name.replacingOccurrences(of: " ", with: ""), shortDescription: Text(text: d.description),
        fullDescription: Text(text: d.description + " " + d.rationale), help: Text(text: d.rationale),
        defaultConfiguration: ["level": Self.level(d.severity)])
    }
    let log = Log(runs: [Run(tool: Tool(driver: Driver(version: RetroVersion.current, rules: rules)), results: [])])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let frame = String(decoding: (try? encoder.encode(log)) ?? Data(), as: UTF8.self) + "\n"
    // The empty list of results in the frame is where the results go.
    let opening = "\"results\" : ["
    guard !diagnostics.isEmpty, let open = frame.range(of: opening), let close = frame[open.upperBound...].firstIndex(of: "]") else {
      output(frame)
      return
    }
    output(String(frame[..<open.upperBound]) + "\n")
    let index = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($1.identifier, $0) })
    var element: [UInt8] = []
    for (position, d) in diagnostics.enumerated() {
      element.removeAll(keepingCapacity: true)
      Self.append(d, ruleIndex: index[d.ruleId] ?? 0, to: &element)
      element += position + 1 < diagnostics.count ? [0x2C, 0x0A] : [0x0A]
      output(String(decoding: element, as: UTF8.self))
    }
    output("      " + frame[close...])
  }

  /// One result, indented as an element of the log's results.
  static func append(_ d: Diagnostic, ruleIndex: Int, to out: inout [UInt8]) {
    func text(_ string: String) { out += string.utf8 }
    func quoted(_ string: String) { JSONText.appendString(string, to: &out, escapingSlashes: false) }
    func location(path: String, line: Int, column: Int, message: String?, indent: String) {
      text("\(indent){\n")
      if let message {
        text("\(indent)  \"message\" : {\n\(indent)    \"text\" : ")
        quoted(message)
        text("\n\(indent)  },\n")
      }
      text("\(indent)  \"physicalLocation\" : {\n\(indent)    \"artifactLocation\" : {\n\(indent)      \"uri\" : ")
      quoted(uri(path))
      text("\n\(indent)    },\n\(indent)    \"region\" : {\n\(indent)      \"startColumn\" : \(column),\n")
      text("\(indent)      \"startLine\" : \(line)\n\(indent)    }\n\(indent)  }\n\(indent)}\n")
    }
    text("        {\n          \"level\" : ")
    quoted(level(d.severity))
    text(",\n          \"locations\" : [\n")
    location(path: d.path, line: d.line, column: d.column, message: nil, indent: "            ")
    text("          ],\n          \"message\" : {\n            \"text\" : ")
    quoted(d.message)
    text("\n          },\n")
    if let note = d.note {
      text("          \"relatedLocations\" : [\n")
      location(path: note.path, line: note.line, column: 1, message: note.message, indent: "            ")
      text("          ],\n")
    }
    text("          \"ruleId\" : ")
    quoted(d.ruleId)
    text(",\n          \"ruleIndex\" : \(ruleIndex)\n        }")
  }

  /// A relative URI as code scanning wants it: no leading `./`, spaces escaped.
  static func uri(_ path: String) -> String {
    var trimmed = path
    while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
    return trimmed.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? trimmed
  }
}
