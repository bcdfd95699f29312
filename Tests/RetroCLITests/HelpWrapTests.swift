import Foundation
import Testing

/// Help wraps to the terminal: at 80 columns no line but ArgumentParser's one-line USAGE is
/// longer, and no paragraph breaks where the source was wrapped (a word left alone on a line).
@Suite("Help at 80 columns")
struct HelpWrapTests {
  @Test(
    "retro help wraps to 80 columns",
    arguments: ["", "lint", "show", "actions", "new", "init", "rules", "site", "publish", "index", "digest", "stats", "templates", "lsp"])
  func wraps(command: String) throws {
    let run = try RetroBinary.run(command.isEmpty ? ["--help"] : ["help", command], environment: ["COLUMNS": "80"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    for line in lines where !line.hasPrefix("USAGE:") {
      #expect(line.count <= 80, "\(line)")
    }
    // A line broken where the source was wrapped, not where the terminal ends: the next
    // line's first word would have fitted on it (ArgumentParser fills 79 of 80 columns) (`... 0 when` / `nothing reaches ...`).
    for (previous, line) in zip(lines, lines.dropFirst()) where !previous.isEmpty && !previous.hasPrefix(" ") && !line.isEmpty {
      guard let first = line.split(separator: " ").first, !line.hasPrefix(" "), !line.hasPrefix("-"), !previous.hasSuffix(":") else { continue }
      #expect(previous.count + 1 + first.count >= 80, "broken early: \(previous) / \(line)")
    }
  }
}
