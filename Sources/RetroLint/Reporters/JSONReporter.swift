import RetroCore
import Foundation

/// A JSON array of diagnostics, keys sorted, for other programs.
public struct JSONReporter: Reporter {
  public static let identifier = "json"

  public init() {}

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
    var element: [UInt8] = []
    for (index, diagnostic) in diagnostics.enumerated() {
      element.removeAll(keepingCapacity: true)
      Self.append(diagnostic, to: &element)
      element += index + 1 < diagnostics.count ? [0x2C, 0x0A] : [0x0A]
      output(String(decoding: element, as: UTF8.self))
    }
    output("]\n")
  }

  /// One diagnostic as `JSONEncoder` writes it with `.prettyPrinted, .sortedKeys,
  /// .withoutEscapingSlashes`, indented as an array element, written by hand: the encoder was
  /// the reporter's whole cost. The golden file and a corpus comparison hold the bytes equal.
  static func append(_ d: Diagnostic, to out: inout [UInt8]) {
    func line(_ text: String) { out += Array(text.utf8) }
    line("  {\n    \"column\" : \(d.column),\n    \"line\" : \(d.line),\n    \"message\" : ")
    appendString(d.message, to: &out)
    if let note = d.note {
      line(",\n    \"note\" : {\n      \"line\" : \(note.line),\n      \"message\" : ")
      appendString(note.message, to: &out)
      line(",\n      \"path\" : ")
      appendString(note.path, to: &out)
      line("\n    }")
    }
    line(",\n    \"path\" : ")
    appendString(d.path, to: &out)
    line(",\n    \"ruleId\" : ")
    appendString(d.ruleId, to: &out)
    line(",\n    \"severity\" : ")
    appendString(d.severity.rawValue, to: &out)
    line("\n  }")
  }

  static func appendString(_ text: String, to out: inout [UInt8]) {
    JSONText.appendString(text, to: &out, escapingSlashes: false)
  }
}
