import Testing
@testable import RetroCore

@Suite("Markdown layer")
struct MarkdownDocumentTests {
  @Test("every block carries 1-based source positions")
  func sourcePositions() throws {
    let document = MarkdownDocument(parsing: "# Title\n\nSome *text*.\n\n- one\n- two\n")
    let blocks = document.root.children
    #expect(blocks.count == 3)
    #expect(blocks[0].range?.start == SourceLocation(line: 1, column: 1))
    #expect(blocks[1].range?.start.line == 3)
    let list = try #require(blocks.last)
    #expect(list.children.count == 2)
    #expect(list.children[1].range?.start.line == 6)
  }

  @Test("pipe tables become table nodes with header and rows")
  func pipeTable() throws {
    let document = MarkdownDocument(parsing: "Intro line\n| Time | Event |\n|---|:--:|\n| 10:00 | `a|b` **bold** |\n| 11:00 | done\n")
    let blocks = document.root.children
    #expect(blocks.count == 2)
    #expect(blocks[0].kind == .paragraph)
    let table = try #require(blocks.last)
    #expect(table.kind == .table)
    #expect(table.children.count == 3)
    #expect(table.children[0].kind == .tableRow(isHeader: true))
    #expect(InlineText.collapse(table.children[1].children[1].plainText) == "a|b bold")
    #expect(table.children[2].range?.start.line == 5)
    #expect(table.children[2].children.count == 2)
  }

  @Test("a paragraph with pipes but no delimiter row stays a paragraph")
  func notATable() {
    let document = MarkdownDocument(parsing: "a | b\nc | d\n")
    #expect(document.root.children.first?.kind == .paragraph)
  }

  @Test("deeply nested block quotes do not exhaust the stack")
  func deepNesting() {
    let text = String(repeating: ">", count: 5000) + " deep\n"
    let document = MarkdownDocument(parsing: text)
    #expect(!document.root.children.isEmpty)
  }

  @Test("links and images give their destinations")
  func links() {
    let document = MarkdownDocument(parsing: "See [the bug](https://example.com/1) and ![x](img.png).\n")
    #expect(document.root.linkDestinations == ["https://example.com/1", "img.png"])
  }
}

@Suite("HTML of task lists")
struct TaskListHTMLTests {
  @Test("a task item shows a disabled checkbox, ticked for [x] and [X]; [ ] text elsewhere stays text")
  func boxes() {
    let html = HTMLRenderer().render(markdown: "- [ ] [AI-3] Add monitoring\n- [x] Revert the config\n- [X] Done too\n- Not a [ ] task\n")
    #expect(html.contains("<li class=\"task\"><input type=\"checkbox\" disabled> [AI-3] Add monitoring</li>"))
    #expect(html.contains("<li class=\"task\"><input type=\"checkbox\" disabled checked> Revert the config</li>"))
    #expect(html.contains("<li class=\"task\"><input type=\"checkbox\" disabled checked> Done too</li>"))
    #expect(html.contains("<li>Not a [ ] task</li>"))
  }
}
