import Foundation

/// Reads one Markdown file into an `IncidentReport`.
///
/// The steps: decode the bytes, split off front matter, parse with cmark, cut the tree into
/// sections, then read metadata, timeline, lessons and action items from the sections.
public struct IncidentParser: Sendable {
  public var configuration: ParserConfiguration
  private let vocabulary: HeadingVocabulary

  public init(configuration: ParserConfiguration = ParserConfiguration()) {
    self.configuration = configuration
    self.vocabulary = HeadingVocabulary(extra: configuration.vocabulary)
  }

  /// Reads and parses the file at `path`.
  public func parse(path: String) throws -> IncidentReport {
    try parse(try SourceFile.load(path: path))
  }

  /// Parses text already read (`path` names it in messages and in the report).
  public func parse(text: String, path: String) throws -> IncidentReport {
    try parse(SourceFile(path: path, text: text))
  }

  public func parse(_ source: SourceFile) throws -> IncidentReport {
    try parseDocument(source).report
  }

  /// Parses a file and keeps the Markdown document too, for tools that need positions
  /// the model does not carry (links, code blocks, comments).
  public func parseDocument(_ source: SourceFile) throws -> ParsedReport {
    let split = try FrontMatterSplitter.split(source.text, path: source.path)
    let document = MarkdownDocument(parsing: split.body)
    let report = build(source: source, split: split, document: document)
    return ParsedReport(report: report, document: document, frontMatter: split.frontMatter)
  }

  private func build(source: SourceFile, split: FrontMatterSplitter.Result, document: MarkdownDocument) -> IncidentReport {
    let outline = SectionOutliner(document: document, vocabulary: vocabulary).outline()
    let frontMatter = split.frontMatter?.values

    var report = IncidentReport(source: source.path, frontMatter: frontMatter, warnings: source.warnings)
    report.sections = outline.sections.map(\.section)
    let order = TimeStampReader.orderEvidence(in: split.body) ?? configuration.dateOrder
    let dateSource = fillMetadata(&report, outline: outline, text: split.body, frontMatter: frontMatter, order: order)

    let zone = frontMatter?.lookup(["timezone", "timeZone", "time_zone", "tz"])?.scalarText
      .flatMap { TimeZoneResolver.zone(named: $0) != nil ? $0 : nil } ?? statedZone(outline)
    report.timeline = timeline(outline, date: report.date, zone: zone, order: order)
    if let better = IncidentDating.reconciled(date: report.date, source: dateSource, timeline: report.timeline),
      better != report.date
    {
      if dateSource == .postDate { report.publishedDate = report.date }
      report.date = better
      // Times with no date of their own were read on the old day.
      report.timeline = timeline(outline, date: better, zone: zone, order: order)
    }
    if report.date == nil, let first = report.timeline.first(where: { $0.instant != nil }) {
      report.date = IncidentDating.day(of: first)
    }
    // An opening paragraph's date is the weakest sign: a timeline's first day comes first
    // (`At 2019-10-21 01:38 the site went down. Builds were failing since 2019-10-20`).
    if report.date == nil {
      report.date = openingSentenceDate(outline, text: split.body, order: order, preamble: true)
    }
    if !report.timeline.contains(where: { $0.kind == .start }),
      let first = report.timeline.firstIndex(where: { $0.instant != nil }), report.timeline[first].kind == nil
    {
      report.timeline[first].kind = .start
    }
    report.lessons = LessonsExtractor.lessons(in: outline.sections)
    let (items, leadInLines) = actionItems(outline, report: report, order: order)
    report.actionItems = items
    // Follow-ups listed after a lead-in in another section leave that section its kind.
    HeldContentKinds.add(
      to: &report.sections, timeline: report.timeline,
      recovered: !outline.sections.contains { $0.section.reads(as: .timeline) }, items: items.filter { !leadInLines.contains($0.line) })
    report.metrics = IncidentMetricsCalculator.metrics(timeline: report.timeline, frontMatter: frontMatter)
    return report
  }

  // MARK: - Steps

  private func timeline(_ outline: Outline, date: CalendarDate?, zone: String?, order: DateOrder) -> [TimelineEntry] {
    let context = TimelineContext(
      date: date, zone: zone, defaultZone: configuration.defaultTimeZone, order: order,
      fallbackYear: date?.year)
    var dated = context
    dated.reportDate = date
    var extractor = TimelineExtractor(context: dated)
    let timelineSections = outline.sections.filter { $0.section.reads(as: .timeline) }
    if timelineSections.isEmpty {
      // No timeline heading (pasted text, prose reports): recover timestamped lines.
      var recovering = extractor
      recovering.recover(from: outline.preamble, heading: nil)
      for outlined in outline.sections
      where ![.actionItems, .wentWell, .wentWrong, .gotLucky].contains(outlined.section.effectiveKind) {
        recovering.recover(from: outlined.blocks, heading: outlined.section.heading)
      }
      // One stray time in prose is not a timeline.
      if recovering.entries.filter({ !$0.timeText.isEmpty }).count >= 2 { extractor = recovering }
    } else {
      for outlined in timelineSections {
        var sectionContext = extractor.context
        if outlined.section.kind == .timeline {
          // A Timeline section starts from the report's own date and zone, not from where
          // an earlier list of milestones (`Repaired 2025-07-24 12:34`) left off.
          sectionContext.zone = zone
          if let date { sectionContext.date = date }
          sectionContext.previousMinutes = nil
          sectionContext.afternoon = false
        }
        extractor.context = sectionContext
        extractor.read(outlined)
      }
    }
    return extractor.finish()
  }

  /// The items, and the lines of those read from lists after a lead-in.
  private func actionItems(_ outline: Outline, report: IncidentReport, order: DateOrder) -> ([ActionItem], Set<Int>) {
    let key = report.id ?? URL(fileURLWithPath: report.source).deletingPathExtension().lastPathComponent
    let reader = ActionItemReader(reportKey: key, order: order, fallbackYear: report.date?.year)
    var extractor = ActionItemExtractor(reader: reader)
    for outlined in outline.sections where outlined.section.reads(as: .actionItems) {
      extractor.read(outlined)
    }
    extractor.readProse(outline.sections)
    extractor.readStatusTagged(outline.sections)
    let before = extractor.items.count
    extractor.readLeadInLists(outline.sections)
    return (extractor.items, Set(extractor.items[before...].map(\.line)))
  }

  /// Fills title, id, people, status and tags, and the date; says where the date came from.
  private func fillMetadata(
    _ report: inout IncidentReport, outline: Outline, text: String, frontMatter: FrontMatterTable?, order: DateOrder
  ) -> IncidentDating.Source {
    var found = MetadataExtractor()
    found.read(preamble: outline.preamble, sections: outline.sections)
    let body = found.values
    let fm = frontMatter
    fillPeople(&report, body: body, frontMatter: fm)

    func date(_ text: String?) -> CalendarDate? {
      guard let text else { return nil }
      if let iso = CalendarDate(iso: text.prefix(10)) { return iso }
      return TimeStampReader.findDate(in: text)?.resolve(order: order, fallbackYear: nil)
    }

    report.title = fm?.lookup(["title"])?.scalarText ?? body[.title] ?? outline.title
      ?? plainTextTitle(outline) ?? titleFromFileName(report.source)
    report.id = fm?.lookup(["id", "incident_id", "incidentId", "incident-id"])?.scalarText ?? body[.id].flatMap(explicitIncidentId)

    let postDate = date(fm?.lookup(["date"])?.scalarText)
    // A post retro published keeps the incident's date under `incident:` (Jekyll) or
    // `params.incident` (Hugo), next to the post's own `date`.
    var publishedIncident: FrontMatterTable?
    if case .table(let table)? = fm?["incident"] { publishedIncident = table }
    if case .table(let params)? = fm?["params"], case .table(let table)? = params["incident"] { publishedIncident = table }
    let incidentDate = date(fm?.lookup(["incident_date", "incidentDate", "incident-date"])?.scalarText)
      ?? date(publishedIncident?["date"]?.scalarText)
      ?? date(body[.date]) ?? outline.title.flatMap { IncidentDating.date(in: $0, order: order, before: postDate) }
      ?? titleLineDate(outline)
      ?? IncidentDating.openingHeadingDate(outline, order: order)
      ?? fm?.lookup(["title"])?.scalarText.flatMap { IncidentDating.date(in: $0, order: order, before: postDate) }
      ?? (fm?.lookup(["date"]) == nil ? openingSentenceDate(outline, text: text, order: order, preamble: false) : nil)
    if let incidentDate {
      report.date = incidentDate
      report.publishedDate = postDate == incidentDate ? nil : postDate
      return .stated
    }
    if let postDate {
      report.date = postDate
      return .postDate
    }
    report.date = dateFromFileName(report.source)
    return report.date == nil ? .none : .fileName
  }

  private func fillPeople(_ report: inout IncidentReport, body: [MetadataLabel: String], frontMatter fm: FrontMatterTable?) {
    let authors = fm?.lookup(["authors", "author", "owner", "owners"])?.stringList ?? []
    report.authors = authors.isEmpty ? splitList(body[.authors]) : authors
    report.status = Self.normaliseStatus(fm?.lookup(["status", "state"])?.scalarText ?? body[.status])
    report.severity = fm?.lookup(["severity", "sev", "level"])?.scalarText ?? body[.severity].map(Self.shortValue)
    let tags = fm?.lookup(["tags", "keywords"])?.stringList ?? []
    report.tags = tags.isEmpty ? splitList(body[.tags]) : tags
    let services = fm?.lookup(["services", "service", "components", "systems", "affected_services"])?.stringList ?? []
    report.services = services.isEmpty ? splitList(body[.services]) : services
  }

  /// A zone stated for the whole report before its timeline: `All times in PDT (UTC-7)`.
  private static let zoneStatements = ["all times", "times are", "times in"].map { Array($0.utf8) }

  private func statedZone(_ outline: Outline) -> String? {
    let blocks = outline.preamble + (outline.sections.first?.blocks ?? [])
    for block in blocks where block.kind == .paragraph {
      for line in block.plainText.splitASCII(separator: "\n") {
        let lowered = ByteSearch.lowercasedASCII(line)
        guard Self.zoneStatements.contains(where: { ByteSearch.contains(lowered, $0) }) else { continue }
        if let zone = TimeZoneResolver.zoneMentioned(in: String(line)) { return zone }
      }
    }
    return nil
  }

  /// The first dated sentence of the summary (`On May 9th 2021, ...`), or with `preamble`
  /// of the paragraph before the first section (`Between November 11 and November 15, 2025
  /// ...`). A month and day with no year take the year the report writes most (`On 28th
  /// February ...` in a report that names 2024).
  private func openingSentenceDate(_ outline: Outline, text: String, order: DateOrder, preamble: Bool) -> CalendarDate? {
    let paragraph = preamble
      ? outline.preamble.first { $0.kind == .paragraph && !InlineText.collapse($0.plainText).contains("://") }
      : outline.sections.first { $0.section.kind == .summary }?.blocks.first { $0.kind == .paragraph }
    guard let paragraph else { return nil }
    let sentence = InlineText.collapse(paragraph.plainText).prefix(240)
    return IncidentDating.date(in: sentence, order: order, fallbackYear: IncidentDating.commonYear(in: text))
  }

  private func explicitIncidentId(_ text: String) -> String? {
    text.countASCIISplit(separator: " ") <= 3 ? text : nil
  }

  private func splitList(_ text: String?) -> [String] {
    guard let text else { return [] }
    return text.split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap { $0.components(separatedBy: " and ") }
      .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
  }

  /// In pasted text with no headings, the first short line before the first section.
  private func plainTextTitle(_ outline: Outline) -> String? {
    guard outline.isPlainText else { return nil }
    for block in outline.preamble where block.kind == .paragraph {
      let text = InlineText.collapse(block.plainText)
      let words = text.countASCIISplit(separator: " ")
      if words >= 1, words <= 10, !text.contains("\n"), !text.contains("://"), let last = text.last,
        !".:!?,;".contains(last)
      {
        return text
      }
    }
    return nil
  }

  /// A short standalone line such as `Incident retrospective 25/02/2019` before the first
  /// section.
  private func titleLineDate(_ outline: Outline) -> CalendarDate? {
    for block in outline.preamble where block.kind == .paragraph {
      let text = InlineText.collapse(block.plainText)
      let lowered = text.lowercased()
      guard text.countASCIISplit(separator: " ") <= 10,
        ["incident", "retrospective", "postmortem", "post-mortem", "outage", "report", "review"].contains(where: lowered.contains)
      else { continue }
      if let parts = TimeStampReader.findDate(in: text),
        let date = parts.resolve(order: configuration.dateOrder, fallbackYear: nil)
      {
        return date
      }
    }
    return nil
  }

  private func titleFromFileName(_ path: String) -> String? {
    var stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    if stem.count > 11, CalendarDate(iso: stem.prefix(10)) != nil { stem = String(stem.dropFirst(11)) }
    let words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    guard !words.isEmpty, stem != "-" else { return nil }
    let sentence = words.joined(separator: " ")
    return sentence.prefix(1).uppercased() + sentence.dropFirst()
  }

  private func dateFromFileName(_ path: String) -> CalendarDate? {
    let name = URL(fileURLWithPath: path).lastPathComponent
    return CalendarDate(iso: name.prefix(10))
  }

  /// `Critical - Complete or major outage of ...` → `Critical`: a scale value, not its gloss.
  static func shortValue(_ text: String) -> String {
    let head = text.components(separatedBy: " - ").first ?? text
    let cut = head.components(separatedBy: " – ").first?.components(separatedBy: " (").first ?? head
    let trimmed = cut.trimmingCharacters(in: CharacterSet(charactersIn: " .:"))
    return trimmed.countASCIISplit(separator: " ") <= 4 ? trimmed : String(trimmed.splitASCII(separator: " ").first ?? "")
  }

  /// `Draft`, `In Review`, `Complete` and similar onto the usual scale; anything else is
  /// kept, lowercased, for the linter to judge.
  static func normaliseStatus(_ text: String?) -> String? {
    guard let text else { return nil }
    let words = InlineText.normalisedWords(text)
    switch words {
    case "": return nil
    case "draft", "wip", "work in progress", "in progress", "drafting": return "draft"
    case "in review", "review", "under review", "reviewing", "ready for review", "in-review": return "in-review"
    case "final", "complete", "completed", "done", "approved", "closed", "reviewed", "resolved": return "final"
    case "published", "public", "released": return "published"
    default: return words.replacingOccurrences(of: " ", with: "-")
    }
  }
}
