import Testing
@testable import RetroCore

@Suite("Section classifier")
struct SectionClassifierTests {
  /// Phrasings not in any list the lexicon was written from: stems and weights carry them.
  static let unseen: [(String, SectionKind)] = [
    ("Stabilization steps", .resolution), ("Handling", .resolution), ("Remediation", .actionItems),
    ("Fix", .resolution), ("How this happened", .rootCauses), ("Contributing factor(s)", .rootCauses),
    ("Why it happened", .rootCauses), ("Resulting action(s)", .actionItems), ("Remediation items", .actionItems),
    ("Follow-up work", .actionItems), ("Preventive measures", .actionItems), ("What we're doing about it", .actionItems),
    ("What could be improved", .wentWrong), ("Didn't go so well", .wentWrong), ("Challenges", .wentWrong),
    ("Customer-facing impact", .impact), ("Why was this hard to detect?", .detection), ("Key takeaways", .lessonsLearned),
    ("How are we preventing it from happening again?", .actionItems), ("Time to repair", .custom),
    ("Appendix: diagrams", .custom), ("TODO", .custom), ("Lessons learned", .lessonsLearned),
  ]

  @Test("unseen headings land on the right kind", arguments: unseen)
  func unseenHeadings(heading: String, kind: SectionKind) {
    #expect(HeadingVocabulary().kind(of: heading) == kind, "\(HeadingVocabulary().classify(heading).evidence)")
  }

  @Test("one heading may name two kinds, in the order written")
  func twoKinds() {
    let result = HeadingVocabulary().classify("Root causes and trigger")
    #expect(result.kind == .rootCauses)
    #expect(result.alsoKinds == [.trigger])
    #expect(HeadingVocabulary().classify("Detection & response").alsoKinds == [.resolution])
    #expect(HeadingVocabulary().classify("Root cause analysis").alsoKinds.isEmpty)
  }

  @Test("stems meet across word forms")
  func stems() {
    #expect(HeadingVocabulary.stem("mitigation") == HeadingVocabulary.stem("mitigate"))
    #expect(HeadingVocabulary.stem("learnings") == HeadingVocabulary.stem("learned"))
    #expect(HeadingVocabulary.stem("causes") == HeadingVocabulary.stem("caused"))
    #expect(HeadingVocabulary.stem("didn't") == "not")
  }

  @Test("a bold label names a section outright or by its last word, never by a passing mention")
  func labels() {
    let vocabulary = HeadingVocabulary()
    #expect(vocabulary.isLabel("User-facing impact"))
    #expect(vocabulary.isLabel("Root cause"))
    #expect(!vocabulary.isLabel("Impact on the billing pipeline was worse than it looked"))
    #expect(!vocabulary.isLabel("Note"))
  }

  @Test("the evidence names each candidate kind, its weight and the term")
  func evidence() {
    let result = HeadingVocabulary().classify("Remediation")
    #expect(result.evidence.contains("actionItems 3"))
    #expect(result.evidence.contains("resolution 2"))
  }

  @Test("a weak or custom heading takes the kind its body points to")
  func contentDecides() throws {
    let report = try parse(
      "# T\n\n## Context\n\n- 10:00 deploy\n- 10:05 alert fires\n- 10:40 rolled back\n\n## Things to do\n\n- [ ] Add an alert @ana\n- Document the rollback (OPS-12)\n- Investigate the cache\n")
    let context = try #require(report.sections.first { $0.heading == "Context" })
    #expect(context.kind == .timeline)
    #expect(context.foundBy == .content)
    let todo = try #require(report.sections.first { $0.heading == "Things to do" })
    #expect(todo.kind == .actionItems)
    #expect(report.timeline.count == 3)
    #expect(report.actionItems.count == 3)
  }

  @Test("a decisive heading is not overruled by its body")
  func headingWins() throws {
    let report = try parse("# T\n\n## Summary\n\n- 10:00 deploy\n- 10:05 alert\n- 10:40 fixed\n")
    #expect(report.sections[0].kind == .summary)
    #expect(report.sections[0].foundBy == .heading)
  }

  @Test("sub-headings subdivide their parent unless they name another section outright")
  func subdivisions() throws {
    let report = try parse(
      "# T\n\n## Action items\n\n### Detection\n\n- Add an alert\n\n### Short-term\n\n- Fix it\n\n## Lessons learned\n\n### Where we got lucky\n\n- Quiet hour\n")
    let detection = try #require(report.sections.first { $0.heading == "Detection" })
    #expect(detection.effectiveKind == .actionItems)
    #expect(detection.foundBy == .parent)
    #expect(report.actionItems.count == 2)
    #expect(report.lessons.gotLucky.map(\.text) == ["Quiet hour"])
  }

  @Test("two weak words for two kinds leave the heading undecided")
  func tiedWeakWords() {
    let result = HeadingVocabulary().classify("CVE - Description of the vulnerability")
    #expect(result.kind == .custom)
    #expect(result.candidates.count == 2)
  }

  @Test("bold text is emphasis where it would only subdivide its section or sits under advice")
  func boldEmphasis() throws {
    let report = try parse(
      "# T\n\n## Summary\n\n__Type of incident detected__: phishing\n\n## What should you do?\n\n**Recommendations:**\n\n- Rotate your token\n\n## Action items\n\n- Add an alert\n")
    #expect(!report.sections.contains { $0.heading == "Type of incident detected" })
    #expect(!report.sections.contains { $0.heading == "Recommendations" })
    #expect(report.actionItems.map(\.text) == ["Add an alert"])
  }

  @Test("a bold-label bullet nested in a list run takes a weak label when the body agrees")
  func labelRun() throws {
    let report = try parse(
      "# T\n\n### Incident on 2024-01-02\n\n- **Impact**: All users.\n\n- **Context**:\n  - The cache was cold.\n\n- **Review actions**:\n  - Warm the cache\n")
    #expect(report.sections.first { $0.heading == "Context" }?.kind == .summary)
    #expect(report.actionItems.map(\.text) == ["Warm the cache"])
  }
}

@Suite("Unseen shapes")
struct UnseenShapeTests {
  @Test("timelines as bare time paragraphs, a heading per time, an indented list and placeholders")
  func timeline() throws {
    let report = try Fixture.report("unseen-shapes.md")
    #expect(report.timeline.map(\.timeText) == [
      "1:03", "5:10 AM", "July 23 4:10 AM", "11:40", "12:16", "1:52", "13:00", "13:30", "22:XX",
    ])
    #expect(report.timeline[1].text == "Consumers stop acking; the backlog grows. Nobody is paged yet.")
    #expect(report.timeline[3].text == "Pager fires for queue depth.")
    // 12-hour times without AM/PM run past noon: 1:52 after 12:16 is afternoon.
    #expect(report.timeline[5].instant == utc("2024-07-23T13:52:00Z"))
    #expect(report.timeline[8].instant == nil)
    let saw = try #require(report.sections.first { $0.heading == "What we saw" })
    #expect(saw.kind == .timeline && saw.foundBy == .content)
  }

  @Test("action items as headings, marked lines and bold-lead numbered items")
  func actionItems() throws {
    let report = try Fixture.report("unseen-shapes.md")
    #expect(report.actionItems.map(\.text) == [
      "Add a queue depth alert", "Load test consumers", "Alert on consumer ack rate", "Remove the manual drain step",
      "Document the drain procedure", "Automated checks for consumer lag",
    ])
    #expect(report.actionItems[0].owners == ["@maria"])
    #expect(report.actionItems[0].tickets.contains("OPS-9"))
    #expect(report.actionItems[2].owners == ["MARIA"])
    #expect(report.actionItems.map(\.status) == [.open, .open, .open, .done, .open, .open])
    #expect(report.has(.resolution), "Stabilization steps")
  }

  @Test("bold-lead numbered items keep their unindented detail lists")
  func boldLeadDetails() throws {
    let report = try parse(
      "# T\n\n## Remediation\n\n1. **Migrate the table**\nWe moved it.\n\n- step one\n- step two\n\n2. **Add alerts**\n\n- on lag\n")
    #expect(report.actionItems.map(\.text) == ["Migrate the table", "Add alerts"])
  }

  @Test("past tense is done only as the sentence's verb")
  func doneStatus() {
    #expect(ActionItemReader.reportsDoneWork("Increased the timeout to 30s"))
    #expect(ActionItemReader.reportsDoneWork("Switched to pnpm 10"))
    #expect(!ActionItemReader.reportsDoneWork("Automated checks for consumer lag"))
    #expect(!ActionItemReader.reportsDoneWork("Improved runbooks for engine limits"))
    #expect(!ActionItemReader.reportsDoneWork("Should we have added an alert?"))
    #expect(!ActionItemReader.reportsDoneWork("We've been exploring other data stores"))
    #expect(!ActionItemReader.reportsDoneWork("Check every host and make sure we've migrated it"))
  }
}
