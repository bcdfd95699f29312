/// Cuts a document into sections.
///
/// A section starts at a Markdown heading (ATX or setext, any level), at a paragraph that
/// is only a bold known section name (`**Impact**`), at a short plain line that is exactly a
/// known section name (pasted text), or at a bold-label bullet (`- **Impact**: ...`) in a
/// list of such labels. The document's first H1 is its title, not a section, unless it is
/// itself a known section name.
struct SectionOutliner {
  let document: MarkdownDocument
  let vocabulary: HeadingVocabulary

  private struct OpenSection {
    var level: Int
    var kind: SectionKind
    /// A section named as none of the canonical kinds (`Appendix`): what is under it is not
    /// part of an enclosing canonical section.
    var isBoundary = false
  }

  func outline() -> Outline {
    var outline = Outline()
    var stack: [OpenSection] = []
    var lastHeadingLevel = 1
    let blocks = document.root.children
    outline.isPlainText = !blocks.contains { $0.headingLevel != nil }

    /// Opens a section of `kind` (the classification's, or custom for bold text that is not
    /// a label), classified once by the caller.
    func open(
      _ kind: SectionKind, heading: String, classification: HeadingClassification, level: Int, range: SourceRange,
      body: [MarkdownNode]
    ) {
      while let top = stack.last, top.level >= level { stack.removeLast() }
      let namedOther = classification.kind == .custom && classification.score >= 4
      let within = namedOther ? nil : enclosingKind(below: level)
      var section = Section(kind: kind, heading: heading, level: level, within: within, range: range)
      if kind != .custom, kind == classification.kind {
        section.alsoKinds = classification.alsoKinds
      }
      if let within, kind != .custom || classification.kind != .custom,
        let kept = Self.subdivision(kind: kind == .custom ? classification.kind : kind, of: within, classification)
      {
        section.kind = kept
        section.alsoKinds = []
        section.foundBy = .parent
      }
      section.explanation = "heading: \(classification.evidence)"
      stack.append(OpenSection(level: level, kind: section.kind, isBoundary: namedOther))
      outline.sections.append(OutlineSection(section: section, blocks: body, classification: classification))
    }

    /// The canonical kind a section at `level` would sit within; nil at the top or under a
    /// section named as none of them (`Appendix`).
    func enclosingKind(below level: Int) -> SectionKind? {
      stack.last(where: { $0.level < level && ($0.kind != .custom || $0.isBoundary) })
        .flatMap { $0.isBoundary ? nil : $0.kind }
    }

    /// Bold text is a heading only where it would start a section of its own: not inside a
    /// section named as none of the canonical kinds (advice, FAQ, appendix), and not when
    /// it would only subdivide the section it stands in (`__Type of incident detected__:`
    /// inside a summary is emphasis).
    func isPseudoHeading(_ label: Label, level: Int) -> Bool {
      if let enclosing = stack.last(where: { $0.level < level }), enclosing.isBoundary { return false }
      guard let within = enclosingKind(below: level) else { return true }
      return Self.subdivision(kind: label.kind, of: within, label.classification) == nil
    }

    func append(_ block: MarkdownNode) {
      if outline.sections.isEmpty {
        outline.preamble.append(block)
      } else {
        outline.sections[outline.sections.count - 1].blocks.append(block)
      }
    }

    func pseudoLevel(for kind: SectionKind) -> Int {
      if kind.isLessonList, let lessons = stack.last(where: { $0.kind == .lessonsLearned }) {
        return min(6, lessons.level + 1)
      }
      return min(6, lastHeadingLevel + 1)
    }

    var sawHeading = false
    // Inside a run of bold-label bullets, the next label starts a new section even when the
    // current one is canonical.
    var inLabelRun = false
    for (blockIndex, block) in blocks.enumerated() {
      let currentKind = stack.last(where: { $0.kind != .custom })?.kind
      switch block.kind {
      case .heading(let level):
        let text = InlineText.collapse(block.plainText)
        let classification = vocabulary.classify(text)
        defer { sawHeading = true }
        if !sawHeading, level == 1, outline.title == nil, !classification.namesSection,
          !MetadataLabel.isLabel(text)
        {
          outline.title = text
          outline.titleLine = block.range?.start.line
          continue
        }
        lastHeadingLevel = level
        inLabelRun = false
        open(
          classification.kind, heading: text, classification: classification, level: level,
          range: block.range ?? SourceRange(lines: 1...1), body: [])
        outline.sections[outline.sections.count - 1].headingLinks = block.linkDestinations
      case .paragraph:
        if let (label, rest) = boldLabel(block), label.kind != .custom,
          isPseudoHeading(label, level: pseudoLevel(for: label.kind))
        {
          open(
            label.kind, heading: label.text, classification: label.classification, level: pseudoLevel(for: label.kind),
            range: block.range ?? SourceRange(lines: 1...1), body: rest.map { [$0] } ?? [])
          outline.sections[outline.sections.count - 1].fromBulletLabel = rest != nil
        } else if currentKind == .actionItems, let (label, rest) = boldLabel(block, requireColon: true), rest == nil,
          blockIndex + 1 < blocks.count, { if case .list = blocks[blockIndex + 1].kind { return true } else { return false } }()
        {
          // `**In progress (next 2 weeks):**` over a list, inside action items: a group of
          // them, as a sub-heading would be.
          open(
            .custom, heading: label.text, classification: label.classification, level: min(6, lastHeadingLevel + 1),
            range: block.range ?? SourceRange(lines: 1...1), body: [])
        } else if let (text, classification) = plainLabel(block),
          isPseudoHeading(
            Label(text: text, kind: classification.kind, classification: classification),
            level: pseudoLevel(for: classification.kind))
        {
          let kind = classification.kind
          if outline.isPlainText { lastHeadingLevel = kind.isLessonList ? lastHeadingLevel : 1 }
          open(
            kind, heading: text, classification: classification, level: pseudoLevel(for: kind),
            range: block.range ?? SourceRange(lines: 1...1), body: [])
        } else {
          append(block)
        }
      case .list where currentKind == nil || currentKind == .custom || inLabelRun:
        func label(of item: MarkdownNode) -> (Label, MarkdownNode?)? {
          guard let first = item.children.first else { return nil }
          // `- **Key events**` with nested bullets needs no colon.
          let hasNested = item.children.count > 1
          return boldLabel(first, requireColon: !hasNested)
        }
        // A list of bold labels (MoJ's `- **Impact**:` reports): one known label with a
        // colon is enough when the list is all labels.
        let labels = block.children.compactMap(label(of:))
        let known = labels.filter { $0.0.kind != .custom }
        let allLabels = labels.count == block.children.count
        guard known.count >= 2 || (known.count == 1 && allLabels) || (inLabelRun && allLabels) else {
          append(block)
          continue
        }
        for item in block.children {
          if let (label, rest) = label(of: item), label.kind != .custom || known.count >= 2 || inLabelRun {
            let body = (rest.map { [$0] } ?? []) + item.children.dropFirst()
            open(
              label.kind, heading: label.text, classification: label.classification, level: min(6, lastHeadingLevel + 1),
              range: item.range ?? SourceRange(lines: 1...1), body: body)
            outline.sections[outline.sections.count - 1].fromBulletLabel = rest != nil
            outline.sections[outline.sections.count - 1].fromLabelRun = true
            inLabelRun = true
          } else {
            var list = block
            list.children = [item]
            list.range = item.range
            append(list)
          }
        }
      default:
        append(block)
      }
    }
    for index in outline.sections.indices {
      finish(&outline.sections[index])
      weighContent(&outline.sections[index])
    }
    markTimesAsSubheadings(&outline.sections)
    markDaysAsSubheadings(&outline.sections)
    pairTakenWithPlanned(&outline.sections)
    return outline
  }

  /// A section told day by day (`## What Happened` over `### Sunday, March 31st, 2024` and
  /// `### Monday, April 1st, 2024`, each with timed entries) is the report's timeline when
  /// it has none, and its heading's kind is had by another section too (a `## Summary`
  /// later) or is weak.
  private func markDaysAsSubheadings(_ sections: inout [OutlineSection]) {
    guard !sections.contains(where: { $0.section.reads(as: .timeline) }) else { return }
    for index in sections.indices {
      let parent = sections[index].section
      guard parent.within == nil else { continue }
      let sameKindElsewhere = parent.kind != .custom && sections.indices.contains { $0 != index && sections[$0].section.kind == parent.kind && sections[$0].section.within == nil }
      guard parent.kind == .custom || sections[index].classification.score < 3 || sameKindElsewhere else { continue }
      var children: [Int] = []
      var next = index + 1
      while next < sections.count, sections[next].section.level > parent.level {
        if sections[next].section.level == parent.level + 1 { children.append(next) }
        next += 1
      }
      let days = children.filter { child in
        let heading = sections[child].section.heading
        guard TimeStampReader.findDate(in: heading) != nil, sections[child].classification.kind == .custom else { return false }
        return SectionContentCues(blocks: sections[child].blocks).stamped >= 1
      }
      guard days.count >= 2, days.count * 3 >= children.count * 2 else { continue }
      sections[index].section.kind = .timeline
      sections[index].section.alsoKinds = []
      sections[index].section.foundBy = .content
      sections[index].section.explanation += " → timeline: \(days.count) of \(children.count) sub-headings are days with timed entries"
      for child in index + 1..<next where sections[child].section.kind == .custom {
        sections[child].section.within = .timeline
      }
      return
    }
  }

  /// `**Actions taken:**` beside `**Actions planned:**` in one report: the two are its
  /// follow-ups, done and to do, not the incident's resolution (alone, "actions taken" is).
  private func pairTakenWithPlanned(_ sections: inout [OutlineSection]) {
    func words(_ heading: String) -> [Substring] { InlineText.normalisedWords(heading).splitASCII(separator: " ") }
    func isAction(_ word: Substring) -> Bool { word == "action" || word == "actions" }
    let planned = sections.contains { outlined in
      let w = words(outlined.section.heading)
      return w.count == 2 && isAction(w[0]) && w[1] == "planned" && outlined.section.effectiveKind == .actionItems
    }
    guard planned else { return }
    for index in sections.indices {
      let w = words(sections[index].section.heading)
      guard w.count == 2, isAction(w[0]), w[1] == "taken", sections[index].section.kind == .resolution else { continue }
      sections[index].section.kind = .actionItems
      sections[index].section.alsoKinds = []
      sections[index].section.explanation += " → actionItems: beside 'Actions planned', the actions taken are follow-ups done"
    }
  }

  /// A section under a weak heading whose sub-headings are mostly times (`### 11:40`,
  /// `### 1:06 PM`) is a timeline told one heading per entry.
  private func markTimesAsSubheadings(_ sections: inout [OutlineSection]) {
    for index in sections.indices {
      let parent = sections[index].section
      guard parent.effectiveKind != .timeline, parent.kind == .custom || sections[index].classification.score < 3
      else { continue }
      var children: [Int] = []
      var next = index + 1
      while next < sections.count, sections[next].section.level > parent.level {
        if sections[next].section.level == parent.level + 1 || children.isEmpty { children.append(next) }
        next += 1
      }
      let timed = children.filter { child in
        TimeStampReader.read(sections[child].section.heading).map { $0.hasTime || $0.unreadable } ?? false
      }
      guard timed.count >= 2, timed.count * 3 >= children.count * 2 else { continue }
      sections[index].section.kind = .timeline
      sections[index].section.foundBy = .content
      sections[index].section.explanation += " → timeline: \(timed.count) of \(children.count) sub-headings are times"
      for child in index + 1..<next where sections[child].section.kind == .custom {
        sections[child].section.within = .timeline
      }
    }
  }

  /// A sub-heading under a canonical section only subdivides it (`### Short-term` under
  /// `## Action items`, `### Primary cause` under `## Root causes`) unless it names another
  /// section outright (`### What went well` under `## Lessons learned`). Under action items,
  /// type groups (`### Detection`, `### Mitigation`) stay groups of items. Returns the kind
  /// to keep when the heading is a subdivision: the parent's own kind when the heading
  /// mentions it, else custom.
  static func subdivision(kind: SectionKind, of parent: SectionKind, _ heading: HeadingClassification) -> SectionKind? {
    if kind == parent { return nil }
    let mentionsParent = heading.candidates.contains { $0.kind == parent }
    if mentionsParent { return parent }
    if heading.configured { return nil }
    let namesAnother = heading.score >= 5 || (heading.namesOutright && heading.score >= 4)
    if parent == .actionItems, !kind.isLessonList, kind != .timeline, kind != .lessonsLearned { return .custom }
    return namesAnother ? nil : .custom
  }

  /// Lets the body decide when the heading did not: a section whose heading is custom or
  /// only weakly named (`Context`, `Details`, `Events`) and whose body is mostly
  /// timestamped lines becomes a timeline; one that is a list of work items becomes action
  /// items. An ambiguous heading (`Remediation`: resolution or action items) takes the
  /// candidate the body points to.
  private func weighContent(_ outlined: inout OutlineSection) {
    var section = outlined.section
    let heading = outlined.classification
    guard !heading.configured, !outlined.blocks.isEmpty else { return }
    let weak = section.kind == .custom || heading.score < 3
    let ambiguous = heading.candidates.count >= 2 && heading.candidates[0].score - heading.candidates[1].score <= 1
      && section.foundBy == .heading
    // Reading the body costs a time-stamp scan of every line: only when the heading leaves
    // the kind open.
    guard weak || ambiguous else { return }
    let cues = SectionContentCues(blocks: outlined.blocks)
    section.explanation += "; content: \(cues.summary)"
    defer { outlined.section = section }
    // `Remediation`, between action items and resolution: a list of work done settles it.
    if ambiguous, Set(heading.candidates.prefix(2).map(\.kind)) == [.actionItems, .resolution], cues.reportsDoneWork,
      section.effectiveKind == .actionItems
    {
      section.kind = .resolution
      section.alsoKinds = []
      section.foundBy = .content
      section.explanation += " → resolution by content (work done)"
      return
    }
    guard let suggested = cues.suggestedKind, suggested != section.effectiveKind else {
      // A bold label in a run of labels (`- **Context**:`) whose word is a weak hint, and a
      // body that does not contradict it.
      if section.kind == .custom, section.within == nil, heading.kind != .custom, heading.score >= 2,
        outlined.fromLabelRun, !Self.onlyPointers(outlined.blocks)
      {
        section.kind = heading.kind
        section.alsoKinds = heading.alsoKinds
        section.explanation += " → \(heading.kind.rawValue) by its label, the body agreeing"
      }
      return
    }
    let pointsToCandidate = ambiguous && heading.candidates.prefix(2).contains { $0.kind == suggested }
    // Under a timeline or action-items parent, the body is that parent's anyway.
    if let within = section.within, within == .timeline || within == .actionItems, section.kind == .custom { return }
    guard weak || pointsToCandidate else { return }
    section.kind = suggested
    section.alsoKinds = []
    section.foundBy = .content
    section.explanation += " → \(suggested.rawValue) by content"
  }

  /// A body of links and nothing to read (`- Timeline: [Timeline](…) for the incident`,
  /// `- Slack thread: [thread](…)`): references, whatever the label says.
  static func onlyPointers(_ blocks: [MarkdownNode]) -> Bool {
    var items = 0
    for block in blocks {
      guard case .list = block.kind else { return false }
      for item in block.children {
        items += 1
        guard !item.linkDestinations.isEmpty, item.plainText.countASCIISplit(separator: " ") <= 10 else { return false }
      }
    }
    return items > 0
  }

  /// Sets the body lines and Markdown source of a section from its blocks.
  private func finish(_ outlined: inout OutlineSection) {
    let starts = outlined.blocks.compactMap { $0.range?.start.line }
    let ends = outlined.blocks.compactMap { $0.range?.end.line }
    guard let first = starts.min(), let last = ends.max() else { return }
    var lower = first
    if lower <= outlined.section.range.end.line { lower = outlined.section.range.end.line + 1 }
    if lower > last {
      // The body shares the heading's lines (a bold label with text after it).
      outlined.section.bodyLines = first...last
      outlined.section.body = document.source(lines: first...last)
      return
    }
    outlined.section.bodyLines = lower...last
    outlined.section.body = document.source(lines: lower...last)
  }

  struct Label {
    var text: String
    /// The classification's kind when the text is a label, else custom.
    var kind: SectionKind
    var classification: HeadingClassification
  }

  /// `**Impact**`, `**Impact:**`, `**Impact**: text` and `**Impact**` followed by more lines:
  /// the label and whatever body follows it in the same paragraph.
  func boldLabel(_ block: MarkdownNode, requireColon: Bool = false) -> (Label, MarkdownNode?)? {
    guard block.kind == .paragraph, let first = block.children.first, first.kind == .strong else {
      return nil
    }
    var labelText = InlineText.collapse(first.plainText)
    var hasColon = labelText.hasSuffix(":")
    var restStart = 1
    // A colon right after the bold text.
    if block.children.count > 1, case .text(let t) = block.children[1].kind {
      let trimmed = t.drop(while: { $0 == " " })
      if trimmed.hasPrefix(":") {
        hasColon = true
        let after = trimmed.dropFirst().drop(while: { $0 == " " })
        if after.isEmpty { restStart = 2 }
      }
    }
    if requireColon && !hasColon { return nil }
    labelText = labelText.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
    guard !labelText.isEmpty, labelText.countASCIISplit(separator: " ") <= 8 else { return nil }
    let remaining = Array(block.children.dropFirst(restStart))
    let restText = InlineText.collapse(MarkdownNode(kind: .paragraph, children: remaining).plainText)
    // `**Impact**` alone on its line (or with a colon) is a label; `**Impact** was big` is prose.
    let onlyLabel = restText.isEmpty || restText == ":"
    let breakFollows = remaining.first.map { $0.kind == .softBreak || $0.kind == .lineBreak } ?? false
    guard onlyLabel || hasColon || breakFollows else { return nil }
    // Bold text is often emphasis: only an exact section name makes it a heading.
    let classification = vocabulary.classify(labelText)
    let kind = classification.isLabel(wordCount: labelText.countASCIISplit(separator: " ")) ? classification.kind : .custom
    var rest: MarkdownNode?
    if !onlyLabel {
      var body = remaining
      if case .text(let t)? = body.first?.kind {
        let trimmed = t.drop(while: { $0 == " " || $0 == ":" })
        body[0].kind = .text(String(trimmed))
      }
      rest = MarkdownNode(kind: .paragraph, range: block.range, children: body)
    }
    return (Label(text: labelText, kind: kind, classification: classification), rest)
  }

  /// A paragraph of one short line that names a section outright: its text and kinds.
  private func plainLabel(_ block: MarkdownNode) -> (String, HeadingClassification)? {
    // One short text node, checked before any string work: most paragraphs are prose.
    guard block.children.count == 1, case .text(let raw) = block.children[0].kind, raw.utf8.count <= 80 else {
      return nil
    }
    let text = InlineText.collapse(block.plainText)
    guard !text.isEmpty, text.count <= 60, !text.contains("\n"),
      text.countASCIISplit(separator: " ") <= 6, !text.hasSuffix(".")
    else { return nil }
    let classification = vocabulary.classify(text)
    return classification.namesSection ? (text, classification) : nil
  }
}

import Foundation
