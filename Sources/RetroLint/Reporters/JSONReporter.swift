import Foundation

/// A JSON array of diagnostics, keys sorted, for other programs.
public struct JSONReporter: Reporter {
  public static let identifier = "json"

  public init() {}

  public func report(_ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]]) -> String {
    var out = ""
    write(diagnostics, fileCount: fileCount, lines: lines) { out += $0 }
    return out
  }

  /// One diagnostic at a time, each encoded alone and indented as an element of the array,
  /// so the output is the same bytes as encoding the whole array, without building it whole.
  public func write(
    _ diagnostics: [Diagnostic], fileCount: Int, lines: [String: [Int: Substring]], to output: (String) -> Void
  ) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard !diagnostics.isEmpty else {
      output(String(decoding: (try? encoder.encode(diagnostics)) ?? Data("[]".utf8), as: UTF8.self) + "\n")
      return
    }
    output("[\n")
    for (index, diagnostic) in diagnostics.enumerated() {
      let element = String(decoding: (try? encoder.encode(diagnostic)) ?? Data("{}".utf8), as: UTF8.self)
      let indented = "  " + element.replacingOccurrences(of: "\n", with: "\n  ")
      output(index + 1 < diagnostics.count ? indented + ",\n" : indented + "\n")
    }
    output("]\n")
  }
}
