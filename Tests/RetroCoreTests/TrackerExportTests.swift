import Foundation
import Testing
@testable import RetroCore

@Suite("Tracker exports")
struct TrackerExportTests {
  let statuses = TrackerStatuses()

  func read(_ name: String) throws -> [TrackerTicket] {
    try TrackerExport.read(path: Fixture.path("trackers/\(name)"), statuses: statuses)
  }

  func error(_ text: String, statuses: TrackerStatuses = TrackerStatuses()) -> InputError? {
    do {
      _ = try TrackerExport.parse(text, path: "export", statuses: statuses)
      return nil
    } catch {
      return error as? InputError
    }
  }

  @Test("gh issue list JSON: number, state, close date, repository from the URL, the line of each entry")
  func github() throws {
    let tickets = try read("gh-issues.json")
    #expect(tickets.map(\.key) == ["acme/auth#12", "acme/auth#15"])
    #expect(tickets[0].state == .closed && tickets[0].closedOn == CalendarDate(year: 2024, month: 3, day: 5))
    #expect(tickets[0].assignees == ["ana"])
    #expect(tickets[1].state == .open && tickets[1].closedOn == nil)
    #expect(tickets[0].source.hasSuffix("gh-issues.json:2"))
    #expect(tickets[1].source.hasSuffix("gh-issues.json:24"))
    // gh pr list gives the same fields; a merged pull request is done.
    let pulls = try TrackerExport.parse(
      #"[{"number": 5, "state": "MERGED", "closedAt": "2024-01-02T08:00:00Z", "url": "https://github.com/a/b/pull/5", "title": "Fix", "assignees": [], "labels": []}]"#,
      path: "prs.json", statuses: statuses)
    #expect(pulls.first?.state == .closed && pulls.first?.key == "a/b#5" && pulls.first?.closedOn == CalendarDate(year: 2024, month: 1, day: 2))
  }

  @Test("Jira CSV: keys, statuses by category, Jira's dates, a summary spanning two lines")
  func jira() throws {
    let tickets = try read("jira.csv")
    #expect(tickets.map(\.key) == ["OPS-412", "OPS-413", "OPS-414"])
    #expect(tickets[0].state == .closed && tickets[0].closedOn == CalendarDate(year: 2024, month: 3, day: 2))
    #expect(tickets[1].state == .open && tickets[1].statusText == "In Progress")
    #expect(tickets[1].title.contains("\nwrite down"))
    #expect(tickets[2].state == .closed)  // Won't Do
    #expect(tickets[2].source.hasSuffix("jira.csv:5"))
  }

  @Test("GitLab CSV: issue id, project path from the URL, Closed At")
  func gitlab() throws {
    let tickets = try read("gitlab.csv")
    #expect(tickets.map(\.key) == ["acme/platform#7", "acme/platform#8"])
    #expect(tickets[0].closedOn == CalendarDate(year: 2024, month: 3, day: 6))
    #expect(tickets[1].state == .open)
    #expect(tickets[1].source.hasSuffix("gitlab.csv:4"))
  }

  @Test("a bad export is an error naming the line: unknown status, missing column, bad date, bad JSON, open quote")
  func errors() {
    let unknown = error("Issue key,Status\nOPS-1,Parked\n")
    #expect(unknown?.line == 2 && unknown?.message.contains("'Parked'") == true && unknown?.message.contains("trackerStatuses") == true)
    #expect(error("Issue key,Status\nOPS-1,Parked\n", statuses: TrackerStatuses(open: ["Parked"])) == nil)
    #expect(error("Issue key,Summary\nOPS-1,x\n")?.line == 1)
    let date = error("Issue key,Status,Resolved\nOPS-1,Done,\"yesterday\"\n")
    #expect(date?.line == 2 && date?.message.contains("'yesterday'") == true)
    #expect(error("[{\"number\": 1}]")?.message.contains("'number' or 'state'") == true)
    #expect(error("[{\"number\": 1, \"state\": \"OPEN\"},\n {\"number\": 2, \"state\": \"LIMBO\"}]")?.line == 2)
    #expect(error("[1, 2")?.line == 1)
    #expect(error("Issue key,Status\n\"OPS-1,Done\n")?.line == 2)
    #expect(error("name,value\nx,y\n")?.message.contains("not a tracker export") == true)
  }

  @Test("items find their ticket by key, URL or #number; #number in several repositories needs the report's")
  func matching() throws {
    let tickets = TrackerTickets(try read("jira.csv") + read("gh-issues.json") + read("gitlab.csv"))
    #expect(tickets.ticket(for: ["ops-412"])?.key == "OPS-412")
    #expect(tickets.ticket(for: ["https://acme.atlassian.net/browse/OPS-413"])?.key == "OPS-413")
    #expect(tickets.ticket(for: ["https://github.com/acme/auth/pull/12"])?.key == "acme/auth#12")
    #expect(tickets.ticket(for: ["https://gitlab.com/acme/platform/-/issues/7/"])?.key == "acme/platform#7")
    #expect(tickets.ticket(for: ["#15"])?.key == "acme/auth#15")
    #expect(tickets.ticket(for: ["#99", "OPS-414"])?.key == "OPS-414")
    let twoRepositories = TrackerTickets([
      TrackerTicket(key: "a/x#7", repository: "a/x", number: 7, title: "", state: .open, statusText: "OPEN", source: "1"),
      TrackerTicket(key: "b/y#7", repository: "b/y", number: 7, title: "", state: .closed, statusText: "CLOSED", source: "2"),
    ])
    #expect(twoRepositories.ticket(for: ["#7"]) == nil)
    #expect(twoRepositories.ticket(for: ["#7"], repository: { "B/y" })?.key == "b/y#7")
    #expect(GitRemote.repository(ofRemote: "git@github.com:acme/auth.git") == "acme/auth")
    #expect(GitRemote.repository(ofRemote: "https://gitlab.com/acme/sub/platform") == "acme/sub/platform")
  }

  @Test("CSV records keep the line they start on")
  func csv() throws {
    let records = try CSVRecords.parse("a,b\r\n\"x\ny\",\"q\"\"\"\n\nlast,\n")
    #expect(records.map(\.line) == [1, 2, 5])
    #expect(records[1].fields == ["x\ny", "q\""])
    #expect(records[2].fields == ["last", ""])
  }

  @Test("a ticket's retro id is the last one in its text: a quoted one in the item or title before it does not count")
  func lastRetroId() {
    let body = "Rotate retro id: `bad` in `retros/y.md`\n\nAction item from [X](x)\n\nretro id: `1a2b` in `retros/x.md`"
    let found = CreatedTickets.idLine(in: body)
    #expect(found?.0 == "1a2b" && found?.1 == "retros/x.md")
  }
}
