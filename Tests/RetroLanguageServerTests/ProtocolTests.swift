import Foundation
import Testing
@testable import RetroLanguageServer
@testable import RetroLint

@Suite("Language server protocol pieces")
struct ProtocolTests {
  @Test("positions convert between byte columns and UTF-16 or UTF-8 characters")
  func positions() {
    let line: Substring = "a😀é b"
    // Bytes: a(1) 😀(4) é(2) space(1) b(1); UTF-16 units: a(1) 😀(2) é(1) space b.
    #expect(PositionEncoding.utf16.character(ofByteColumn: 5, in: line) == 3)
    #expect(PositionEncoding.utf16.character(ofByteColumn: 3, in: line) == 1)  // inside the emoji
    #expect(PositionEncoding.utf16.byteColumn(ofCharacter: 3, in: line) == 5)
    #expect(PositionEncoding.utf16.byteColumn(ofCharacter: 99, in: line) == 9)
    #expect(PositionEncoding.utf8.character(ofByteColumn: 5, in: line) == 5)
    for column in 0...9 {
      let character = PositionEncoding.utf16.character(ofByteColumn: column, in: line)
      #expect(PositionEncoding.utf16.byteColumn(ofCharacter: character, in: line) <= column)
    }
  }

  @Test("incremental and whole-text changes apply as the editor sent them")
  func changes() throws {
    var document = OpenDocument(uri: "file:///tmp/r.md", version: 1, text: "## Summary\r\n\r\nDöwn.\n")
    #expect(document.path == "/tmp/r.md")
    #expect(document.line(1) == "## Summary")
    let change: JSON = ["range": ["start": ["line": 2, "character": 1], "end": ["line": 2, "character": 2]], "text": "o"]
    try document.apply(change: change, encoding: .utf16)
    #expect(document.text == "## Summary\r\n\r\nDown.\n")
    try document.apply(change: ["range": ["start": ["line": 3, "character": 0], "end": ["line": 3, "character": 0]], "text": "More.\n"], encoding: .utf16)
    #expect(document.text.hasSuffix("Down.\nMore.\n"))
    try document.apply(change: ["text": "whole"], encoding: .utf16)
    #expect(document.text == "whole")
    #expect(throws: LanguageServerError.self) { try document.apply(change: ["range": ["start": 1]], encoding: .utf16) }
    #expect(OpenDocument.path(of: "file:///tmp/with%20space.md") == "/tmp/with space.md")
    #expect(OpenDocument.path(of: "untitled:Untitled-1") == "untitled:Untitled-1")
  }

  @Test("JSON values round-trip, whole numbers stay whole")
  func json() throws {
    let value: JSON = ["a": [1, .number(2.5), "x", true, nil], "b": ["c": -3]]
    let decoded = try JSON.decode(value.encoded())
    #expect(decoded == value)
    #expect(String(decoding: JSON(3).encoded(), as: UTF8.self) == "3")
    #expect(decoded["b"]?["c"]?.int == -3)
    #expect(decoded["a"]?[1]?.int == nil)
  }

  @Test("framing reads Content-Length messages, skips other headers and reports a broken header")
  func framing() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let channel = MessageChannel(input: fds[0], output: fds[1])
    channel.write(Data(#"{"a":1}"#.utf8))
    let extra = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}"
    _ = extra.withCString { write(fds[1], $0, strlen($0)) }
    _ = "oops\r\n\r\n".withCString { write(fds[1], $0, strlen($0)) }
    close(fds[1])
    #expect(try channel.read() == Data(#"{"a":1}"#.utf8))
    #expect(try channel.read() == Data("{}".utf8))
    #expect(throws: MessageChannel.ReadError.self) { try channel.read() }
    close(fds[0])
  }

  @Test("rule pages hold the rule's description and examples")
  func rulePages() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retro-rules-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let documentation = RuleDocumentation(cacheFolder: folder)
    let uri = try #require(documentation.uri(for: "missing_section"))
    #expect(uri.hasPrefix("file://"))
    let page = try String(contentsOf: URL(string: uri)!, encoding: .utf8)
    #expect(page.hasPrefix("# missing_section: Missing Section"))
    #expect(page.contains("Fixable: yes"))
    #expect(documentation.uri(for: "no_such_rule") == nil)
  }
}
