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
      let element = (try? encoder.encode(diagnostic)) ?? Data("{}".utf8)
      // Indented by bytes: two spaces after each line break.
      var indented: [UInt8] = [0x20, 0x20]
      indented.reserveCapacity(element.count + 64)
      for byte in element {
        indented.append(byte)
        if byte == 0x0A { indented += [0x20, 0x20] }
      }
      indented += index + 1 < diagnostics.count ? [0x2C, 0x0A] : [0x0A]
      output(String(decoding: indented, as: UTF8.self))
    }
    output("]\n")
  }
}
