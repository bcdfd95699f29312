import Foundation

/// A JSON array of diagnostics, keys sorted, for other programs.
public struct JSONReporter: Reporter {
  public static let identifier = "json"

  public init() {}

  public func report(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(diagnostics)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
