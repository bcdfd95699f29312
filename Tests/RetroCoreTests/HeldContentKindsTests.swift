import Testing
@testable import RetroCore

@Suite("Kinds a section takes from what it holds")
struct HeldContentKindsTests {
  @Test("a section holding the timed events of a report with no timeline section is also its timeline")
  func timeline() throws {
    let text = """
      # Outage

      ## Leadup

      - 03:10 UTC: a node fails
      - 03:20 UTC: the second node fails
      - 03:40 UTC: the bot goes offline

      ## Impact

      Nothing else.
      """
    let section = try #require(try parse(text).sections.first { $0.heading == "Leadup" })
    #expect(section.kind == .trigger)
    #expect(section.alsoKinds == [.timeline])
  }

  @Test("a lessons section holding two status-tagged items also holds action items")
  func actionItems() throws {
    let text = "# Outage\n\n## Lessons learned\n\n**DONE**: Alex added the blog to monitoring.\n\n**TODO**: watch systemd state for all services.\n"
    let section = try #require(try parse(text).sections.first)
    #expect(section.kind == .lessonsLearned)
    #expect(section.alsoKinds == [.actionItems])
  }

  @Test("a table with no status column takes a cell that is only a status word")
  func statusCell() throws {
    let text = "# Outage\n\n## Action Items\n\n| Action Item | Reference |\n| --- | --- |\n| Remove the app | **DONE** |\n| Write a release process | **TODO** |\n"
    #expect(try parse(text).actionItems.map(\.status) == [.done, .open])
  }
}
