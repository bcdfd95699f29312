/// Maps heading text to the kind of section it names.
///
/// Headings are first normalised (numbering, emoji, bold, trailing colons and parenthesised
/// scope such as `(all times PST)` removed, case folded), then looked up among exact phrases
/// seen in real postmortems, then matched by keywords in a fixed order.
public struct HeadingVocabulary: Sendable {
  private var exact: [String: SectionKind]
  private var phrasesByKind: [SectionKind: [String]]

  public init(extra: [SectionKind: [String]] = [:]) {
    var exact: [String: SectionKind] = [:]
    for (kind, phrases) in Self.builtIn {
      for phrase in phrases { exact[Self.normalise(phrase)] = kind }
    }
    var phrasesByKind = Self.builtIn
    for (kind, phrases) in extra {
      for phrase in phrases { exact[Self.normalise(phrase)] = kind }
      phrasesByKind[kind, default: []].append(contentsOf: phrases)
    }
    self.exact = exact
    self.phrasesByKind = phrasesByKind
  }

  /// The headings accepted for `kind`, as written in the vocabulary.
  public func phrases(for kind: SectionKind) -> [String] {
    phrasesByKind[kind] ?? []
  }

  /// The kind for a heading; `.custom` when nothing matches.
  public func kind(of heading: String) -> SectionKind {
    let key = Self.normalise(heading)
    if key.isEmpty { return .custom }
    if let kind = exact[key] { return kind }
    for (kind, keywords) in Self.keywordRules where keywords.contains(where: { key.contains($0) }) {
      return kind
    }
    return .custom
  }

  /// True when the heading is exactly a known phrase (used for plain-text lines, where a
  /// keyword match would be too eager).
  public func isExactPhrase(_ text: String) -> Bool {
    exact[Self.normalise(text)] != nil
  }

  /// Lowercased words only: no numbering, emoji, markup, parentheses or trailing colon.
  public static func normalise(_ heading: String) -> String {
    var text = heading.lowercased()
    // Drop parenthesised or bracketed scope: `Timeline (all times PST)`, `Impact [draft]`.
    while let open = text.firstIndex(where: { $0 == "(" || $0 == "[" }) {
      let close = text[open...].firstIndex(where: { $0 == ")" || $0 == "]" }) ?? text.endIndex
      text.removeSubrange(open..<(close == text.endIndex ? close : text.index(after: close)))
    }
    var words: [String] = []
    var word = ""
    for character in text {
      if character.isLetter || character == "'" || character == "’" {
        word.append(character == "’" ? "'" : character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    // Roman numerals, lone letters used as numbering and a leading article: `II. Impact`,
    // `a) Summary`, `The Vulnerability`.
    while let first = words.first, words.count > 1,
      ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "a", "b", "c", "the", "our"].contains(first)
    {
      words.removeFirst()
    }
    return words.joined(separator: " ")
  }

  // MARK: - Built-in vocabulary

  static let builtIn: [SectionKind: [String]] = [
    .summary: [
      "summary", "incident summary", "issue summary", "executive summary", "overview",
      "background", "what happened", "description", "incident description", "tl dr", "tldr",
      "synopsis", "introduction", "incident overview", "abstract", "short summary",
    ],
    .impact: [
      "impact", "user impact", "customer impact", "fallout", "business impact", "effects",
      "who was affected", "scope", "blast radius", "impact assessment", "consequences",
    ],
    .rootCauses: [
      "root cause", "root causes", "contributing factors", "contributing factor", "fault",
      "five whys", "5 whys", "root cause analysis", "causes", "cause", "why did it happen",
      "how did it happen", "how did this happen", "why did this happen", "analysis", "technical analysis", "vulnerability", "the fault",
    ],
    .trigger: ["trigger", "triggers", "leadup", "lead up", "lead-up", "what triggered it"],
    .detection: [
      "detection", "how we detected it", "how was it detected", "discovery", "identification",
      "alerting", "monitoring",
    ],
    .resolution: [
      "resolution", "response", "recovery", "mitigation", "resolution and recovery",
      "mitigation and resolution", "fix", "the fix", "remediation steps", "response and recovery",
      "incident response", "actions taken", "how we fixed it", "repair",
    ],
    .timeline: [
      "timeline", "timeline of events", "incident timeline", "detailed timeline", "events",
      "chronology", "sequence of events", "key events", "events timeline",
    ],
    .lessonsLearned: [
      "lessons learned", "lessons learnt", "lessons", "learnings", "takeaways", "key takeaways",
      "retrospective", "reflection", "insights", "postmortem",
    ],
    .wentWell: [
      "what went well", "things that went well", "went well", "what worked", "what went right",
      "what worked well", "the good",
    ],
    .wentWrong: [
      "what went wrong", "what went poorly", "went wrong", "things that went wrong",
      "what could have gone better", "what could have been better", "what didn't go well",
      "what did not go well", "what we could do better", "what went badly", "the bad",
      "what didn't work", "where we got unlucky", "areas for improvement",
    ],
    .gotLucky: [
      "where we got lucky", "where we were lucky", "got lucky", "what was lucky",
      "lucky", "where we got lucky and unlucky",
    ],
    .actionItems: [
      "action items", "action item", "actions", "corrective actions", "corrective action",
      "corrective and preventative measures", "corrective and preventive measures",
      "follow ups", "follow-ups", "followups", "follow up items", "next steps", "remediation",
      "remediations", "short term improvements", "long term improvements",
      "preventative measures", "preventive measures", "future work", "future improvements",
      "future measures", "future actions", "improvements", "backlog",
      "review actions", "action plan", "what we're doing about it", "what we are doing about it",
      "what's next", "prevention", "preventing recurrence", "how we'll prevent this",
      "action items and follow ups", "mitigations and action items", "actions planned",
      "planned actions", "long term solution", "short term solution", "how are we preventing it from happening again",
    ],
  ]

  /// Keyword rules, tried in this order once no exact phrase matched.
  static let keywordRules: [(SectionKind, [String])] = [
    (.wentWell, ["went well", "went right", "worked well"]),
    (.wentWrong, ["went wrong", "went poorly", "go well", "gone better", "went badly", "didn't work"]),
    (.gotLucky, ["lucky"]),
    (.actionItems, [
      "action item", "corrective", "follow up", "followup", "next step", "remediation",
      "preventative", "preventive", "future improvement", "improvements", "future action",
      "action plan", "preventing", "prevent it",
    ]),
    (.timeline, ["timeline", "chronology"]),
    (.rootCauses, ["root cause", "contributing factor", "five whys", "5 whys", "causes"]),
    (.lessonsLearned, ["lessons", "learnings", "takeaway", "learn from", "we learned", "we learnt"]),
    (.impact, ["impact"]),
    (.detection, ["detection", "detected"]),
    (.resolution, ["resolution", "recovery", "mitigation", "resolved"]),
    (.trigger, ["trigger", "leadup", "lead up"]),
    (.summary, ["summary", "overview"]),
  ]
}
