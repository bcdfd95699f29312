import Testing
@testable import RetroCore

@Suite("Action items written as prose")
struct ProseActionItemTests {
  @Test("an action section of paragraphs: each paragraph that commits to work is one item")
  func paragraphs() throws {
    let text = """
      # Outage

      ## Future measures

      It should not have been possible to upload that many packages. We will be introducing
      rate limiting on this endpoint.

      Many have speculated about why this happened.

      We are also looking into disallowing usernames that impersonate teams.

      See the full diff [here](https://example.com/diff).
      """
    let items = try parse(text).actionItems
    #expect(items.count == 2)
    #expect(items.map(\.line) == [5, 10])
  }

  @Test("a question answered in the next paragraph is no item; one left open is")
  func questions() throws {
    let text = """
      # Outage

      ## Review actions

      Could we react differently?

      No, it took a while to declare the incident.

      Can teams use containerised databases?

      Write some comms describing the incident.
      """
    let items = try parse(text).actionItems
    #expect(items.map(\.text) == ["Can teams use containerised databases?", "Write some comms describing the incident."])
  }

  @Test("lines that mostly open with an order are a list written without bullets")
  func orderLines() throws {
    let text = "# Outage\n\n## Follow-up\n\nAdd negative tests for every value.\nMinimize the number of data structures.\nA bug bounty for the key parts.\nAdd a status page.\n"
    #expect(try parse(text).actionItems.count == 4)
    let prose = "# Outage\n\n## Follow-up\n\nGoing forward the team is going to rebuild the deploys.\nThe ideal pattern has quick failover.\nOperations engineers are building it now.\n"
    #expect(try parse(prose).actionItems.count == 1)
  }

  @Test("paragraphs are read only when no action section has a list")
  func listsWin() throws {
    let text = "# Outage\n\n## Action items\n\nWe will follow up on these:\n\n- Add an alert\n- Fix the script\n"
    #expect(try parse(text).actionItems.map(\.text) == ["Add an alert", "Fix the script"])
  }

  @Test("paragraphs that open with a bold status word are items wherever they stand")
  func statusTagged() throws {
    let text = """
      # Outage

      ## Lessons learned

      The disk graph is easier to read than the pool listing.

      **DONE**: Alex added the blog to the monitored sites.

      **TODO** a ZFS exporter could have alerted on disk space.

      **DOING** the import should check free disk space first.
      """
    let items = try parse(text).actionItems
    #expect(items.count == 3)
    #expect(items.map(\.status) == [.done, .open, .open])
    #expect(items[1].text.hasPrefix("a ZFS exporter"))
  }

  @Test("bullets that tell what someone did are not work, whatever handles they name")
  func narration() throws {
    let text = "# Outage\n\n## Symptom\n\n- @teolemon calls @alexgarel and they start debugging.\n- @cq94 restarted the machine.\n- @cq94 noticed slow writes.\n"
    let report = try parse(text)
    #expect(report.actionItems.isEmpty)
    #expect(report.sections.first?.kind != .actionItems)
  }
}
