import Foundation
import Testing
@testable import RetroCore

@Suite("Reading input files")
struct SourceFileTests {
  @Test("a byte-order mark is dropped and CRLF becomes LF")
  func bomAndCRLF() throws {
    let data = Data([0xEF, 0xBB, 0xBF] + Array("# T\r\n\r\nx\r\n".utf8))
    let file = try SourceFile.decode(data, path: "a.md")
    #expect(file.text == "# T\n\nx\n")
    #expect(file.warnings.isEmpty)
  }

  @Test("invalid UTF-8 is replaced and reported with its line")
  func invalidUTF8() throws {
    let data = Data(Array("ok\nbad ".utf8) + [0xFF, 0xFE] + Array(" end\n".utf8))
    let file = try SourceFile.decode(data, path: "a.md")
    #expect(file.text.contains("\u{FFFD}"))
    #expect(file.warnings.first?.line == 2)
    #expect(file.warnings.first?.column == 5)
  }

  @Test("a file with NUL bytes is refused, naming the line")
  func nulBytes() {
    #expect(throws: InputError(path: "b.md", line: 2, message: "contains NUL bytes; it looks like a binary file, not Markdown")) {
      try SourceFile.decode(Data(Array("a\nb".utf8) + [0, 1]), path: "b.md")
    }
  }

  @Test("a missing path is an error naming it")
  func missing() {
    #expect(throws: InputError(path: "/no/such/report.md", message: "no such file or directory")) {
      try SourceFile.load(path: "/no/such/report.md")
    }
  }

  @Test("a directory argument means every Markdown file below it, sorted")
  func directory() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("retro-finder-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
    for name in ["b.md", "a.markdown", "sub/c.mdx", "notes.txt"] {
      try Data("# x\n".utf8).write(to: root.appendingPathComponent(name))
    }
    defer { try? FileManager.default.removeItem(at: root) }
    let files = try ReportFinder.files(in: [root.path])
    #expect(files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.markdown", "b.md", "c.mdx"])
  }
}
