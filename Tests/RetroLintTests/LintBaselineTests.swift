import Foundation
import Testing
@testable import RetroLint

@Suite("Lint baseline")
struct LintBaselineTests {
  static func folder(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retro-baseline-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("retros"), withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
    return directory
  }

  @Test("findings are matched by file, rule, message and line text, and counted")
  func split() throws {
    let directory = try Self.folder(["retros/a.md": "# A\n\n- vague item\n- vague item\n"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("retros/a.md").path
    func finding(_ line: Int) -> Diagnostic { Diagnostic(ruleId: "vague_action_item", severity: .warning, message: "vague", path: path, line: line) }
    let baseline = LintBaseline.of([finding(3)], lines: [:], folder: directory.path)
    #expect(baseline.entries.map(\.path) == ["retros/a.md"])
    #expect(baseline.entries.map(\.text) == ["- vague item"])
    // The same line text twice: one is known, the other new.
    let split = baseline.split([finding(4), finding(3)], lines: [:], folder: directory.path)
    #expect(split.known.count == 1)
    #expect(split.new.count == 1)
    #expect(split.gone == 0)
    // Read back from its file, it splits the same way.
    let file = directory.appendingPathComponent("base.json").path
    try baseline.encoded().write(to: URL(fileURLWithPath: file))
    #expect(try LintBaseline.load(path: file) == baseline)
    #expect(try LintBaseline.load(path: file).split([], lines: [:], folder: directory.path).gone == 1)
  }

  @Test("the lint run's kept lines are used before the file is read")
  func keptLines() {
    let finding = Diagnostic(ruleId: "r", severity: .warning, message: "m", path: "/nowhere/a.md", line: 2)
    let baseline = LintBaseline.of([finding], lines: ["/nowhere/a.md": [2: "  -  kept   line "]], folder: "/nowhere")
    #expect(baseline.entries.map(\.text) == ["- kept line"])
    // A file that cannot be read gives an empty line text, and the finding is still keyed.
    #expect(LintBaseline.of([finding], lines: [:], folder: "/nowhere").entries.map(\.text) == [""])
  }

  @Test("paths relative to the baseline's folder, going up when the file is outside it")
  func relative() {
    #expect(LintBaseline.relative("/repo/retros/a.md", to: "/repo") == "retros/a.md")
    #expect(LintBaseline.relative("/repo/retros/a.md", to: "/repo/config") == "../retros/a.md")
  }
}
