import Testing
@testable import RetroCore

@Suite("Heading vocabulary")
struct HeadingVocabularyTests {
  static let cases: [(String, SectionKind)] = [
    ("Summary", .summary), ("Issue Summary", .summary), ("Background", .summary),
    ("What happened", .summary), ("Overview", .summary), ("2. Impact", .impact),
    ("**Impact**", .impact), ("Fallout", .impact), ("User impact:", .impact),
    ("Contributing factors", .rootCauses), ("Fault", .rootCauses), ("Five whys", .rootCauses),
    ("Root cause analysis", .rootCauses), ("Root Causes", .rootCauses), ("Leadup", .trigger),
    ("Trigger", .trigger), ("Detection", .detection), ("Response", .resolution),
    ("Recovery", .resolution), ("Mitigation", .resolution), ("Resolution and recovery", .resolution),
    ("Timeline (all times PST)", .timeline), ("🔥 Timeline", .timeline), ("Timeline of events", .timeline),
    ("Lessons learned", .lessonsLearned), ("What went well", .wentWell), ("What Went Poorly", .wentWrong),
    ("What could have gone better", .wentWrong), ("Where we got lucky", .gotLucky),
    ("Corrective and preventative measures", .actionItems), ("Follow-ups", .actionItems),
    ("Next steps", .actionItems), ("Short-term improvements", .actionItems),
    ("Long term improvements", .actionItems), ("Action Items:", .actionItems),
    ("Appendix", .custom), ("Attendees", .custom),
  ]

  @Test("headings map to canonical kinds", arguments: cases)
  func mapping(heading: String, kind: SectionKind) {
    #expect(HeadingVocabulary().kind(of: heading) == kind)
  }

  @Test("configuration extends the vocabulary")
  func extra() {
    let vocabulary = HeadingVocabulary(extra: [.impact: ["Blast radius"], .actionItems: ["Remediations"]])
    #expect(vocabulary.kind(of: "Blast Radius") == .impact)
    #expect(vocabulary.kind(of: "Remediations") == .actionItems)
  }
}

@Suite("Sections")
struct SectionTests {
  @Test("setext, numbered, bold, emoji and bold-paragraph headings are all sections")
  func headingStyles() throws {
    let report = try Fixture.report("headings.md")
    #expect(report.title == "Incident report")
    let kinds = report.sections.map(\.kind)
    #expect(kinds.contains(.summary))
    #expect(kinds.contains(.impact))
    #expect(kinds.contains(.rootCauses))
    #expect(kinds.contains(.timeline))
    #expect(kinds.contains(.lessonsLearned))
    #expect(kinds.contains(.wentWell))
    #expect(report.lessons.wentWell.map(\.text) == ["Fast rollback"])
    let wentWell = try #require(report.section(.wentWell))
    #expect(wentWell.within == .lessonsLearned)
  }

  @Test("a bold-label bullet is a section and its text the body")
  func boldLabelBullet() throws {
    let report = try Fixture.report("bullet-labels.md")
    #expect(report.section(.impact)?.body.contains("35 minutes") == true)
    #expect(report.has(.resolution))
    #expect(report.actionItems.map(\.text) == ["add an alert on log volume"])
    #expect(report.timeline.map(\.timeText) == ["2023-08-04 10:05", "2023-08-04 10:40"])
    #expect(report.timeline.map(\.kind) == [.detected, .resolved])
  }

  @Test("pasted plain text: a short line that is a section name is a heading")
  func plainText() throws {
    let report = try Fixture.report("plain-paste.txt")
    #expect(report.title == "Queue outage")
    #expect(report.has(.rootCauses))
    #expect(report.has(.wentWell) && report.has(.wentWrong))
    #expect(report.lessons.wentWrong.map(\.text) == ["Slow alert"])
    #expect(report.actionItems.map(\.text) == ["Add a canary", "Alert sooner"])
  }

  @Test("section bodies keep their Markdown and line range")
  func body() throws {
    let report = try parse("# T\n\n## Summary\n\nFirst *line*.\n\nSecond.\n\n## Impact\n")
    let summary = try #require(report.section(.summary))
    #expect(summary.body == "First *line*.\n\nSecond.")
    #expect(summary.bodyLines == 5...7)
    #expect(summary.range.start.line == 3)
  }
}

@Suite("Heading normalising by bytes")
struct HeadingNormalisingTests {
  @Test("the byte path gives what the character path gives, on ASCII headings")
  func sameAsCharacters() {
    let headings = [
      "", "Impact", "  Root Cause(s):", "II. Impact", "a) Summary", "The Vulnerability", "Timeline (all times PST)",
      "Impact [draft] and more", "Unclosed (scope", "Closed) first (then open", "What went well?", "Lessons learned'",
      "'quoted' words'", "''", "I", "The", "Action items (AI-1..AI-9) [owner]", "5 Whys", "Q&A / FAQ", "x-ray follow-up",
      "OUR TEAM", "ix viii", "don't panic", "**Bold** _it_ `code`", "1. Detection\t", "Resolution & Recovery!!",
    ]
    var generated: [String] = []
    let pieces = ["(", ")", "[", "]", "'", " ", "-", "1", "a", "the", "ii", "Impact", "x", ":", "?", "\t"]
    var random = SeededNumbers(seed: 42)
    for _ in 0..<2000 { generated.append((0..<8).map { _ in random.pick(pieces) }.joined()) }
    for heading in headings + generated {
      #expect(HeadingVocabulary.normaliseASCII(heading) == HeadingVocabulary.normaliseCharacters(heading), "\(heading.debugDescription)")
    }
    #expect(HeadingVocabulary.normaliseASCII("Café") == nil)
  }
}
