import Foundation
import RetroCore

/// Where a report states a section's content without a heading of that kind: what
/// `missing_section` looks for before it calls a section missing. Real write-ups put the
/// impact in the Summary, the cause in "Background" or the lead, the timeline in prose with
/// clock times, and the follow-ups in "Moving forward"; a finding that says such a report
/// lacks them is wrong (issue 20: 135 of 191 such findings on the corpus were).
///
/// The search is by words that carry the content, outside code and front matter, and
/// deliberately generous: what it answers is "is there any sign of it", so a section is
/// called missing only when the report says nothing of the kind.
enum ContentSearch {
  /// The first line where the report states `kind`'s content, or nil when it says nothing of it.
  static func line(of kind: SectionKind, in context: LintContext) -> Int? {
    switch kind {
    case .timeline: return timelineLine(context)
    case .summary: return MissingSectionRule.hasLeadParagraph(context) ? context.titleLine : firstProse(context)
    default:
      guard let matcher = matchers[kind] else { return nil }
      return firstLine(context) { line in matcher.occurs(in: Array(line.utf8)) }
    }
  }

  /// Words that carry each kind's content, lowercased.
  static let signs: [SectionKind: [String]] = [
    .impact: [
      "impact", "affected", "affecting", "users", "customers", "unavailable", "outage", "downtime", "degraded",
      "could not", "couldn't", "unable to", "were down", "was down", "went down", "failed", "failing", "errors",
      "lost", "delayed", "interrupted", "disrupt", "offline", "halted", "stalled", "not affected", "no evidence",
      "error", "stuck", "unreachable", "inaccessible", "not working", "broken", "timed out", "timeout", "slow",
    ],
    .rootCauses: [
      "root cause", "caused by", "cause of", "the cause", "because", "due to", "triggered by", "resulted from",
      "result of", "stemmed from", "the reason", "bug", "misconfigur", "the problem was", "the issue was",
      "attack", "compromised", "exploit", "vulnerab", "broke", "failure", "corrupt", "change", "introduced",
    ],
    .actionItems: [
      "we will", "we'll", "we are going to", "we're going to", "we plan", "we intend", "next step", "follow-up",
      "follow up", "followup", "going forward", "moving forward", "in the future", "to prevent", "we need to",
      "we should", "action item", "remediation", "improvement", "we have since", "we've since", "we have now",
      "we now", "will be", "todo", "we are working", "we're working", "planned", "we decided", "should",
      "propose", "solution", "plan to", "plans to",
    ],
    .trigger: ["trigger", "deploy", "release", "change", "upgrade", "started when", "began when"],
    .detection: ["detect", "noticed", "alert", "reported", "paged", "monitoring", "discovered", "found"],
    .resolution: ["resolved", "restored", "fixed", "rolled back", "reverted", "recovered", "mitigat", "back to normal"],
    .lessonsLearned: ["lesson", "learned", "learnt", "went well", "went wrong", "takeaway", "we got lucky"],
  ]

  /// The signs of each kind as one matcher, parts of words included (`misconfigur`).
  static let matchers: [SectionKind: PhraseMatcher] = signs.mapValues { PhraseMatcher($0, wholeWords: false) }

  /// A timeline is stated when the report gives two clock times, or three dates, anywhere:
  /// "at 09:15 UTC we deployed … by 9:40 traffic was normal" is a timeline in prose.
  private static func timelineLine(_ context: LintContext) -> Int? {
    if let entry = context.report.timeline.first { return entry.line }
    var times = 0
    var dates = Set<String>()
    var first: Int?
    // Code lines too: a log excerpt's stamps say when things happened.
    let frontMatterEnd = context.parsed.frontMatter?.lines.upperBound ?? 0
    for (offset, line) in context.sourceLines.enumerated() where offset + 1 > frontMatterEnd {
      let number = offset + 1
      // Every time and date has a digit: a line without one is passed over.
      guard line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
      let text = String(line)
      let found = clockTimes(in: text)
      let lineDates = dateMentions(in: text)
      if found > 0 || !lineDates.isEmpty, first == nil { first = number }
      times += found
      dates.formUnion(lineDates)
      if times >= 2 || dates.count >= 3, let first { return first }
    }
    if let front = context.parsed.frontMatter?.values,
      ["start", "started", "resolved", "resolvedWhen", "end", "ended"].filter({ front[$0]?.scalarText.map { !$0.isEmpty } ?? false }).count >= 2
    {
      return 1
    }
    return nil
  }

  private static let clockPattern = try! NSRegularExpression(
    pattern: #"(?<![\d:.])(?:(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?|h[0-5]\d|\s?[ap]\.?m\.?(?![a-z]))|(?:[01]\d|2[0-3])[0-5]\d\s?(?:UTC|GMT|Z\b|[A-Z][DS]T\b))(?![\d:])"#,
    options: [.caseInsensitive])
  private static let datePattern = try! NSRegularExpression(
    pattern: #"\b(?:\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)"#,
    options: [.caseInsensitive])

  /// How many clock times a line gives (`09:15`, `9:40pm`, `10h47`, `3am`).
  static func clockTimes(in text: String) -> Int {
    clockPattern.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
  }

  /// The dates a line gives (`2024-03-05`, `Sept. 18th`, `5 March`), lowercased.
  static func dateMentions(in text: String) -> Set<String> {
    let range = NSRange(text.startIndex..., in: text)
    return Set(datePattern.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { text[$0].lowercased() } })
  }

  /// The first prose line of the body with at least twenty words before the second section.
  private static func firstProse(_ context: LintContext) -> Int? {
    firstLine(context) { $0.split(separator: " ").count >= 20 }
  }

  private static func firstLine(_ context: LintContext, where matches: (Substring) -> Bool) -> Int? {
    for (number, line) in context.proseLines() {
      // A line still to be written (`TODO: say what broke`) states nothing.
      guard !line.hasPrefix("#"), matches(line), PlaceholderTextRule.defaultWords.find(in: line) == nil else { continue }
      return number
    }
    return nil
  }
}
