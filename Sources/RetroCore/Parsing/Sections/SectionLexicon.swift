/// The words that name each kind of section, with how strongly each one does, as data.
///
/// A term is one or more words, written as people write them; the classifier stems both the
/// terms and the heading, so `Remediation items`, `Remediations` and `Remediating` meet. A
/// term of several words matches when all its words are in the heading, in any order
/// (`could … improved`, `went … well`). A kind's score is the weight of its best matching
/// term:
///
/// - 5 and 4: the heading says it outright (`Root causes`, `What went well`, `Action items`);
/// - 3: a plain name of the section (`Impact`, `Mitigation`, `Takeaways`);
/// - 2: a weak hint that content may overrule (`Events`, `Background`, `Analysis`);
/// - 1: a word that only tips a tie.
///
/// When a new team's heading lands wrong, add or reweigh a term here, then score the corpus
/// (`scripts/score-corpus.py`) to see that nothing else moved.
enum SectionLexicon {
  static let terms: [SectionKind: [(String, Int)]] = [
    .summary: [
      ("summary", 4), ("overview", 4), ("tl dr", 4), ("tldr", 4), ("synopsis", 4), ("what happened", 4),
      ("executive summary", 5), ("abstract", 3), ("background", 2), ("introduction", 2), ("description", 2),
      ("incident description", 3), ("context", 2), ("recap", 3), ("in brief", 3), ("at a glance", 3),
    ],
    .impact: [
      ("impact", 4), ("fallout", 4), ("blast radius", 4), ("who was affected", 5), ("what was affected", 5),
      ("affected", 3), ("consequences", 3), ("effects", 3), ("scope", 2), ("customer effect", 4),
      ("damage", 2), ("severity and impact", 5), ("symptoms", 3), ("symptom", 3),
    ],
    .rootCauses: [
      ("root cause", 5), ("root causes", 5), ("causes", 4), ("cause", 4), ("contributing factor", 5),
      ("contributing", 3), ("factors", 2), ("five whys", 5), ("fault", 3),
      ("why it happened", 5), ("why happened", 5), ("how happened", 5),
      ("technical details", 2), ("technical analysis", 3), ("analysis", 2), ("vulnerability", 2),
      ("underlying", 4), ("investigation", 2), ("explanation", 2), ("what went wrong technically", 5), ("bug", 2),
      ("diagnosis", 3), ("origin", 3), ("smoking gun", 4),
    ],
    .trigger: [("trigger", 4), ("triggers", 4), ("leadup", 4), ("lead up", 4), ("what triggered", 5), ("triggering", 4)],
    .detection: [
      ("detection", 4), ("detected", 4), ("identified", 3), ("how identified", 4), ("how we noticed", 5), ("noticed", 3), ("discovery", 4),
      ("discovered", 3), ("identification", 3), ("alerting", 2), ("monitoring", 2), ("first alert", 3),
    ],
    .resolution: [
      ("resolution", 4), ("resolved", 3), ("response", 3), ("recovery", 4), ("recover", 3), ("mitigation", 4),
      ("mitigated", 3), ("fix", 3), ("fixes", 3), ("repair", 3), ("remediation", 2), ("remediation steps", 4),
      ("actions taken", 5), ("steps taken", 5), ("stabilization", 4), ("stabilisation", 4), ("stabilize", 3),
      ("handling", 3), ("workaround", 3), ("restoration", 4), ("restore", 3), ("rollback", 2), ("how we fixed", 5),
      ("incident response", 5), ("response and recovery", 5), ("resolving", 3), ("solving", 3),
    ],
    .timeline: [
      ("timeline", 5), ("chronology", 5), ("sequence of events", 5), ("key events", 4), ("events", 2),
      ("detailed timeline", 5), ("time line", 5), ("timestamps", 3), ("log of events", 5), ("event log", 4),
    ],
    .lessonsLearned: [
      ("lessons learned", 5), ("lessons learnt", 5), ("lessons", 4), ("lesson", 4), ("learnings", 4), ("learned", 3), ("learnt", 3), ("takeaways", 4),
      ("takeaway", 4), ("reflection", 3), ("reflections", 3), ("insights", 3), ("retrospective", 2),
      ("postmortem", 2), ("learn from", 4), ("conclusion", 1), ("conclusions", 1), ("thoughts", 2),
    ],
    .wentWell: [
      ("went well", 5), ("went right", 5), ("worked well", 5), ("what worked", 5), ("the good", 2),
      ("goes well", 4), ("positives", 4), ("what helped", 4), ("things that helped", 4), ("good", 2),
    ],
    .wentWrong: [
      ("went wrong", 5), ("went poorly", 5), ("went badly", 5), ("not well", 6), ("not work", 6),
      ("could better", 5), ("could improved", 5), ("could gone better", 5), ("areas for improvement", 5),
      ("area improvement", 5), ("the bad", 2), ("challenges", 4), ("challenge", 4), ("pain points", 4),
      ("negatives", 4), ("unlucky", 4), ("what hurt", 4), ("needs improvement", 5),
      ("problems encountered", 4), ("bad", 2), ("poorly", 3), ("worse", 2),
    ],
    .gotLucky: [("lucky", 5), ("luck", 5), ("fortunate", 4), ("fortunately", 3)],
    .actionItems: [
      ("action items", 5), ("action item", 5), ("actions", 3), ("action", 2), ("corrective", 4),
      ("follow up", 4), ("follow ups", 4), ("followups", 4), ("followup", 4), ("next steps", 5),
      ("next step", 5), ("remediation items", 5), ("remediation", 3), ("remediations", 3),
      ("improvements", 3), ("improvement", 3), ("preventative", 4), ("preventive", 4), ("prevention", 4),
      ("prevent", 4), ("preventing", 4), ("future work", 5), ("future", 2), ("backlog", 4),
      ("action plan", 5), ("plan", 2), ("what doing about", 5), ("doing about", 5),
      ("what next", 4), ("resulting actions", 5), ("tasks", 3), ("recommendations", 4), ("going forward", 2),
      ("moving forward", 2), ("measures", 2), ("mitigations and action items", 5), ("planned", 2), ("prevent happening", 6), ("prevent happen", 6),
      ("long term solution", 4), ("short term solution", 4), ("changes we are making", 5), ("changes", 1),
      ("what will do", 5), ("hardening", 3), ("safeguards", 3), ("what has been done", 5), ("what we have done", 5),
    ],
    // Sections that are none of the above, named outright: they win over a weaker canonical
    // word (`Time to repair` is a metric, `What you can do` advice to readers).
    .custom: [
      ("time to repair", 6), ("time to resolve", 6), ("time to detect", 6), ("time to mitigate", 6),
      ("time to recover", 6), ("time to acknowledge", 6), ("appendix", 5), ("glossary", 5), ("references", 4), ("acknowledgements", 5),
      ("acknowledgments", 5), ("attendees", 5), ("participants", 4), ("faq", 5), ("questions", 3),
      ("what you can do", 6), ("what should you do", 6), ("call to action", 6), ("further reading", 5),
      ("contact", 3), ("disclaimer", 5), ("table of contents", 5), ("contents", 4), ("changelog", 5),
      ("about this", 4), ("template", 4), ("metadata", 5), ("related", 3),
      // Metadata written as headings (`## Status` then `Resolved`) and chat transcripts.
      ("status", 4), ("authors", 5), ("author", 5), ("date", 4), ("transcript", 4), ("thread", 3),
      ("chat log", 5),
    ],
  ]

  /// Words that carry no kind and do not stop a heading from naming a section outright:
  /// `Customer impact`, `Incident timeline`, `Detailed root cause analysis`.
  static let neutralWords: Set<String> = [
    "incident", "issue", "outage", "customer", "customers", "user", "users", "key", "our", "technical",
    "detailed", "brief", "initial", "final", "overall", "primary", "secondary", "immediate", "short",
    "long", "medium", "term", "additional", "other", "main", "full", "of", "and", "the", "a", "an", "to",
    "for", "in", "on", "we", "what", "how", "why", "this", "that", "it", "was", "were", "is", "are",
    "did", "do", "does", "have", "has", "had", "be", "been", "with", "from", "by", "at", "s", "its",
    "service", "system", "business", "internal", "external", "public", "quick", "team", "teams", "all",
    "event", "events", "analysis", "list", "items", "item", "notes", "note", "details", "section", "report",
    "postmortem", "post", "mortem", "retrospective", "review", "things", "thing", "some", "areas", "area",
    "steps", "step", "process", "root", "where", "when", "who", "phase", "stage", "part", "can", "could", "should", "more", "next", "time", "times", "cause", "causes",
  ]

  /// Words dropped before matching: they join words without naming anything.
  static let stopWords: Set<String> = [
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "it", "this", "that", "these", "those",
    "is", "are", "was", "were", "be", "been", "have", "has", "had", "did", "does", "we", "we're", "were",
    "our", "us", "i", "you", "they", "their", "its", "it's", "so", "as", "by", "at", "with", "from", "there",
    "gone", "go", "get", "got",
  ]
}
