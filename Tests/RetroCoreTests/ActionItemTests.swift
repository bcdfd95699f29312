import Testing
@testable import RetroCore

@Suite("Action items")
struct ActionItemTests {
  @Test("task lists, malformed boxes, owners, tickets, due dates and explicit ids")
  func taskList() throws {
    let items = try Fixture.report("atlassian.md").actionItems
    #expect(items.count == 5)
    #expect(items.map(\.status) == [.done, .open, .open, .done, .open])
    #expect(items[0].owners == ["@dana"])
    #expect(items[0].tickets == ["DNS-88"])
    #expect(items[1].due?.description == "2022-12-01")
    #expect(items[1].tickets == ["NET-12"])
    #expect(items[1].text == "Add a large-response test to the upgrade checklist @eli due 2022-12-01")
    #expect(items[2].text == "Document the buffer settings")
    #expect(items[4].id == "AI-3")
    #expect(items[4].explicitId)
    #expect(items[4].owners == ["Fay Lin"])
  }

  @Test("tables map columns by header; strike-through means done")
  func table() throws {
    let items = try Fixture.report("google-sre.md").actionItems
    #expect(items.count == 3)
    #expect(items.map(\.type) == [.detect, .mitigate, .prevent])
    #expect(items.map(\.status) == [.open, .done, .open])
    #expect(items[1].text == "Revert the pool limit")
    #expect(items.map(\.owners) == [["@ana"], ["@ben"], ["Carla"]])
    #expect(items[0].tickets == ["PAY-101"])
    #expect(items[1].tickets == ["#4521"])
    #expect(items[2].tickets == ["https://tracker.example.com/PAY-103"])
  }

  @Test("(done), ✅, Owner:, due, ticket and priority in bullet text")
  func bulletDetails() throws {
    let items = try Fixture.report("two-days-berlin.md").actionItems
    #expect(items.map(\.status) == [.open, .done, .done])
    #expect(items[0].owners == ["Gil"])
    #expect(items[0].due?.description == "2023-04-01")
    #expect(items[0].tickets == ["OPS-221"])
    #expect(items[0].priority == "P1")
    #expect(items[1].text == "Shorten the alert delay")
    #expect(items[2].text == "Write the runbook entry")
  }

  @Test("tier sub-headings group items; Completed makes them done; a heading can be an item")
  func tiers() throws {
    let items = try Fixture.report("tiers.md").actionItems
    #expect(items.map(\.text) == ["Restarted the pods", "Add a circuit breaker", "Add retries to the client"])
    #expect(items.map(\.status) == [.done, .open, .open])
    #expect(items.map(\.group) == ["Immediate (Completed)", "Short-term", nil])
    #expect(items[2].tickets == ["https://github.com/example/repo/issues/9."].map { $0.trimmingCharacters(in: .init(charactersIn: ".")) })
  }

  @Test("[name] prefixes, #123 issues and numbered lists")
  func prefixes() throws {
    let items = try Fixture.report("headings.md").actionItems
    let follow = try #require(items.last)
    #expect(follow.owners == ["ops"])
    #expect(follow.tickets == ["#1234"])
  }

  @Test("derived ids are stable across whitespace and case edits, and differ by text")
  func stableIds() throws {
    let a = try parse("## Action items\n- Add an alert for lag\n", path: "x/2023-01-01-a.md").actionItems[0].id
    let b = try parse("## Action items\n\n-   add AN alert   for lag.\n", path: "y/2023-01-01-a.md").actionItems[0].id
    let c = try parse("## Action items\n- Add an alert for errors\n", path: "2023-01-01-a.md").actionItems[0].id
    #expect(a == b)
    #expect(a != c)
    #expect(a.count == 10)
  }

  @Test("nested sub-bullets belong to their parent item")
  func nested() throws {
    let items = try parse("## Action items\n- Parent item\n  - detail one JIRA-7\n  - detail two\n- Second\n").actionItems
    #expect(items.map(\.text) == ["Parent item", "Second"])
    #expect(items[0].tickets == ["JIRA-7"])
  }
}

import Foundation
