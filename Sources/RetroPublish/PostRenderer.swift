import Foundation
import RetroCore

/// Turns one report into a Jekyll or Hugo post.
///
/// The author's front matter is kept, key for key, and publishing adds what it owns (title,
/// date, tags, the incident metadata); the text before the first section (an introduction)
/// stays as written; sections follow in a consistent order (the canonical ones first, then
/// the rest as written) with `##` for top-level sections; sections the configuration calls
/// internal are left out; the excerpt marker follows the summary unless the author placed it.
public struct PostRenderer: Sendable {
  /// Written as a YAML comment at the top of every post: how publishing knows a file is its own.
  public static let marker = "Written by retro publish"
  /// Where the excerpt ends, in every post (Hugo's fixed marker; Jekyll is told it too).
  static let excerptSeparator = "<!--more-->"

  public var format: PostFormat
  public var templates: PublishTemplates
  /// Headings or section kinds (`internal`, `customerImpactDetails`) never published.
  public var internalSections: [String]

  public init(format: PostFormat, templates: PublishTemplates, internalSections: [String] = []) {
    self.format = format
    self.templates = templates
    self.internalSections = internalSections
  }

  static let order: [SectionKind] = [
    .summary, .impact, .rootCauses, .trigger, .detection, .resolution, .timeline, .lessonsLearned,
    .wentWell, .wentWrong, .gotLucky, .actionItems,
  ]

  public func render(_ parsed: ParsedReport, sourceText: String) throws -> PublishedPost {
    let report = parsed.report
    let lines = sourceText.split(separator: "\n", omittingEmptySubsequences: false)
    // Retro's own separator, never the report's: the template writes it unescaped and the
    // escaper leaves it as it is, so an author's `excerpt_separator` would be raw HTML.
    let excerpt = Self.excerptSeparator
    let intro = Self.intro(parsed, lines: lines, title: report.title)
    let sections = orderedSections(report)
    let summaryIndex = sections.firstIndex { $0.section.kind == .summary }
    let placeExcerpt = !intro.contains(excerpt)
    let sectionData: [[String: Any]] = sections.enumerated().map { index, entry in
      [
        "hashes": String(repeating: "#", count: entry.depth + 2),
        "heading": entry.section.heading,
        "body": entry.section.body.trimmingCharacters(in: .newlines),
        "excerptAfter": placeExcerpt && index == summaryIndex,
        "excerptSeparator": excerpt,
      ]
    }
    let escaper = PostEscaper(format: format, excerptSeparator: excerpt)
    let frontMatter = try FrontMatterWriter.yaml(frontMatterTable(report, escaper: escaper), comment: "\(Self.marker) from \(report.source); edits here are replaced.")
    let text = try templates.render(
      format == .jekyll ? "jekyll-post" : "hugo-post",
      ["frontMatter": frontMatter, "intro": intro, "sections": sectionData, "title": report.title ?? ""])
    // Only the body is escaped: the front matter is retro's own YAML, which neither generator
    // evaluates. A template that does not start with the front matter has all of it escaped.
    let body = text.hasPrefix(frontMatter) ? String(text.dropFirst(frontMatter.count)) : text
    let safe = (text.hasPrefix(frontMatter) ? frontMatter : "") + escaper.escape(body)
    return PublishedPost(relativePath: path(for: report), text: Self.tidy(safe), source: report.source)
  }

  /// `_posts/2019-03-01-my-first-outage.md` or `content/posts/2019-03-01-my-first-outage/index.md`,
  /// named as `PageSlug` says (a `slug:`, the id, the file name), never by the title;
  /// `suffix` (`-2`) tells apart the posts of reports whose names would be the same.
  public func path(for report: IncidentReport, suffix: String = "") -> String {
    let name = PageSlug.name(for: report)
    switch format {
    case .jekyll:
      let day = (report.publishedDate ?? report.date)?.description ?? "1970-01-01"
      return "_posts/\(day)-\(PageSlug.undated(name))\(suffix).md"
    case .hugo:
      return "content/posts/\(name)\(suffix)/index.md"
    }
  }

  /// The site path a post at `relativePath` is served at with the generator's default
  /// permalinks: `/posts/NAME/` (Hugo), `/incidents/2024/03/01/name.html` (Jekyll, under the
  /// post's categories).
  public func url(of relativePath: String, categories: [String] = ["incidents"]) -> String? {
    switch format {
    case .hugo:
      guard relativePath.hasPrefix("content/posts/"), relativePath.hasSuffix("/index.md") else { return nil }
      return "/posts/" + relativePath.dropFirst("content/posts/".count).dropLast("index.md".count)
    case .jekyll:
      let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
      guard relativePath.hasPrefix("_posts/"), name.hasSuffix(".md"), PageSlug.startsWithDate(name) else { return nil }
      let day = name.prefix(10).replacingOccurrences(of: "-", with: "/")
      // Jekyll's default permalink: /:categories/:year/:month/:day/:title.html.
      let folders = categories.map { ReportTemplate.slug($0) }.filter { !$0.isEmpty }.map { "/" + $0 }.joined()
      return "\(folders)/\(day)/\(name.dropFirst(11).dropLast(3)).html"
    }
  }

  /// The post with `urls` as the places it used to be (Hugo's `aliases`, Jekyll's
  /// `redirect_from` for the jekyll-redirect-from plugin), written into its front matter.
  public func redirecting(_ post: PublishedPost, from urls: [String]) -> PublishedPost {
    guard !urls.isEmpty, post.text.hasPrefix("---\n"), let close = post.text.range(of: "\n---\n", range: post.text.index(post.text.startIndex, offsetBy: 3)..<post.text.endIndex) else { return post }
    let key = format == .hugo ? "aliases" : "redirect_from"
    let lines = urls.map { "  - " + FrontMatterScalar.yaml($0) }.joined(separator: "\n")
    var redirected = post
    redirected.text = String(post.text[..<close.lowerBound]) + "\n\(key):\n" + lines + String(post.text[close.lowerBound...])
    return redirected
  }

  // MARK: - Body

  /// The text between the front matter and the first section, without the title heading.
  static func intro(_ parsed: ParsedReport, lines: [Substring], title: String?) -> String {
    let start = (parsed.frontMatter?.lines.upperBound ?? 0) + 1
    let end = (parsed.report.sections.first?.range.start.line ?? (lines.count + 1)) - 1
    guard start <= end else { return "" }
    let kept = lines[(start - 1)..<min(end, lines.count)].filter { !isTitleLine($0, parsed: parsed) }
    return kept.joined(separator: "\n").trimmingCharacters(in: .newlines)
  }

  /// True for the H1 the parser took as the title (it is not a section): the front matter
  /// carries the title now.
  static func isTitleLine(_ line: Substring, parsed: ParsedReport) -> Bool {
    guard line.hasPrefix("# "),
      let first = parsed.document.root.children.first(where: { $0.headingLevel == 1 }),
      !parsed.report.sections.contains(where: { $0.range.start.line == first.range?.start.line })
    else { return false }
    return collapse(first.plainText) == collapse(line.dropFirst(2))
  }

  static func collapse(_ text: some StringProtocol) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  struct Entry {
    var section: Section
    var depth: Int
  }

  /// Top-level sections in canonical order, each followed by its sub-sections as written.
  func orderedSections(_ report: IncidentReport) -> [Entry] {
    let sections = report.sections.filter { !isInternal($0) }
    guard let top = sections.map(\.level).min() else { return [] }
    var groups: [(section: Section, children: [Section])] = []
    for section in sections {
      if section.level == top || groups.isEmpty {
        groups.append((section, []))
      } else {
        groups[groups.count - 1].children.append(section)
      }
    }
    let rank = { (kind: SectionKind) -> Int in Self.order.firstIndex(of: kind) ?? Self.order.count }
    let sorted = groups.enumerated().sorted { a, b in
      (rank(a.element.section.kind), a.offset) < (rank(b.element.section.kind), b.offset)
    }.map(\.element)
    return sorted.flatMap { group in
      [Entry(section: group.section, depth: 0)]
        + group.children.map { Entry(section: $0, depth: min(3, max(1, $0.level - top))) }
    }
  }

  func isInternal(_ section: Section) -> Bool {
    internalSections.contains { name in
      name == section.kind.rawValue || HeadingVocabulary.normalise(name) == HeadingVocabulary.normalise(section.heading)
    }
  }

  /// Collapses runs of blank lines left by the template.
  static func tidy(_ text: String) -> String {
    var out: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.trimmingWhitespace().isEmpty, out.last?.trimmingWhitespace().isEmpty == true { continue }
      out.append(line)
    }
    var joined = out.joined(separator: "\n")
    while joined.hasSuffix("\n\n") { joined.removeLast() }
    return joined.hasSuffix("\n") ? joined : joined + "\n"
  }

  // MARK: - Front matter

  /// Author keys that would let a report take over the site rather than describe its post:
  /// where the page lands (`permalink`, `url`, `slug`, `aliases`, redirects), whether and how
  /// it is built (`build`, `outputs`, `published`, `type`, `headless`), or what it does to other
  /// pages (`cascade`, `sitemap`), when it is shown (`draft`, `expiryDate`, `publishDate`,
  /// `unpublishdate`: a date in the future or past leaves the page out of the build), where it
  /// is listed (`menu`, `menus` put links into the site's navigation; `weight` moves it to the
  /// top of every list), and the excerpt separator (retro's own, `<!--more-->`). Compared
  /// lowercased, as Hugo compares its keys. They are not written; retro owns the post's place.
  static let siteKeys: Set<String> = [
    "permalink", "url", "slug", "aliases", "redirect_from", "redirect_to", "outputs", "outputformats",
    "cascade", "build", "_build", "published", "sitemap", "type", "headless", "render", "list",
    "markup", "resources", "translationkey", "lang", "plugin", "plugins", "defaults",
    "draft", "expirydate", "expiry_date", "publishdate", "publish_date", "pubdate", "unpublishdate",
    "menu", "menus", "weight", "excerpt_separator",
  ]

  /// The post's front matter; `escaper` makes a summary inert, which Hugo renders as Markdown.
  func frontMatterTable(_ report: IncidentReport, escaper: PostEscaper) -> FrontMatterTable {
    var table = report.frontMatter ?? FrontMatterTable()
    table = FrontMatterTable(table.entries.filter { !Self.siteKeys.contains($0.key.lowercased()) })
    let postDate = report.publishedDate ?? report.date
    table["title"] = .string(report.title ?? "Untitled incident")
    var seenTags = Set<String>()
    let tags = ((table["tags"]?.stringList ?? []) + report.tags).filter { seenTags.insert($0.lowercased()).inserted }
    var incident = FrontMatterTable()
    // The report's key, so ids derived from it stay the same in the published post.
    incident["id"] = .string(report.id ?? URL(fileURLWithPath: report.source).deletingPathExtension().lastPathComponent)
    if let date = report.date { incident["date"] = .string(date.description) }
    if let severity = report.severity { incident["severity"] = .string(severity) }
    if let status = report.status { incident["status"] = .string(status) }
    if !report.services.isEmpty { incident["services"] = .array(report.services.map(FrontMatterValue.string)) }
    if !report.authors.isEmpty { incident["authors"] = .array(report.authors.map(FrontMatterValue.string)) }
    for (key, value) in [("timeToDetect", report.metrics.timeToDetect), ("timeToMitigate", report.metrics.timeToMitigate), ("timeToResolve", report.metrics.timeToResolve)] {
      if let value { incident[key] = .int(Int(value)) }
    }
    for (key, value) in [("timeToDetectText", report.metrics.timeToDetect), ("timeToMitigateText", report.metrics.timeToMitigate), ("timeToResolveText", report.metrics.timeToResolve)] {
      if let value { incident[key] = .string(DurationText.format(value)) }
    }
    incident["actionItems"] = .int(report.actionItems.count)
    incident["openActionItems"] = .int(report.actionItems.filter { $0.status == .open }.count)
    let timeline = Self.timelineParams(report)
    if !timeline.isEmpty {
      incident["timeline"] = .array(timeline.map(FrontMatterValue.table))
      if let zone = TimelineChart.zoneName(report.timeline) { incident["timelineZone"] = .string(zone) }
    }
    // A date with no time is the incident's start when the timeline has it on that day, in
    // the zone the timeline was written in: not midnight UTC for an incident at 09:05 CET.
    let start = report.publishedDate == nil ? Self.start(of: report) : nil
    switch format {
    case .jekyll:
      if table["layout"] == nil { table["layout"] = .string("post") }
      table["date"] = .string(Self.jekyllDate(table["date"]?.scalarText, fallback: postDate, start: start))
      table["tags"] = .array(tags.map(FrontMatterValue.string))
      if table["categories"] == nil { table["categories"] = .array([.string("incidents")]) }
      table["excerpt_separator"] = .string(Self.excerptSeparator)
      table["incident"] = .table(incident)
    case .hugo:
      table["date"] = .string(Self.hugoDate(table["date"]?.scalarText, fallback: postDate, start: start))
      table["draft"] = .bool(!PublishableStatus.allows(report.status))
      table["tags"] = .array(tags.map(FrontMatterValue.string))
      if table["summary"] == nil, let summary = report.section(.summary) {
        table["summary"] = .string(Self.cutAtWord(Self.collapse(MarkdownDocument(parsing: summary.body).root.plainText), 300))
      }
      var params: FrontMatterTable
      if case .table(let existing)? = table["params"] { params = existing } else { params = FrontMatterTable() }
      params["incident"] = .table(incident)
      table["params"] = .table(params)
    }
    // Hugo renders a front-matter summary as Markdown (newer Hugo, where no `<!--more-->`
    // ends the excerpt), and the plain text of a code span is raw HTML again
    // (`` `<script>` `` → `<script>`): the summary, the author's or retro's, is escaped as
    // the body is (`&lt;`, unsafe links made fragments), in either format.
    if let summary = table["summary"]?.scalarText {
      table["summary"] = .string(escaper.escapeProse(summary))
    }
    return table
  }

  /// The timeline as data for the layouts' `retro-timeline` partial (Hugo) and include
  /// (Jekyll): each placed entry's time in its own zone, its offset from the first, its
  /// place along the axis in percent, its milestone and its words, HTML-escaped. As the site's chart does,
  /// an entry more than a week from the middle is left out.
  static func timelineParams(_ report: IncidentReport) -> [FrontMatterTable] {
    let placed = report.timeline.compactMap { entry in entry.instant.map { (entry, $0) } }
    guard !placed.isEmpty else { return [] }
    let sorted = placed.map(\.1).sorted()
    let middle = sorted[sorted.count / 2]
    let kept = placed.filter { abs($0.1.timeIntervalSince(middle)) <= TimelineChart.outlierWindow }
    guard let first = kept.map(\.1).min(), let last = kept.map(\.1).max() else { return [] }
    let span = max(last.timeIntervalSince(first), 60)
    let zone = TimelineChart.zoneName(report.timeline).flatMap(TimeZoneResolver.zone(named:)) ?? TimeZone(identifier: "UTC")!
    let label = TimelineChart.ZoneLabel(withDay: span > 20 * 3600, zone: zone)
    return kept.map { entry, instant in
      var row = FrontMatterTable()
      row["time"] = .string(label.string(from: instant))
      row["offset"] = .string("+" + DurationText.format(instant.timeIntervalSince(first)))
      row["position"] = .double((instant.timeIntervalSince(first) / span * 1000).rounded() / 10)
      if let kind = entry.kind { row["kind"] = .string(kind.rawValue) }
      // HTML-escaped: a theme that prints it raw shows text, never markup (retro's layouts
      // unescape it and let the generator escape it for where it goes).
      row["text"] = .string(HTMLRenderer.escape(entry.text))
      return row
    }
  }

  /// The incident's first timed moment, on the report's date, as the day, the time and the
  /// offset of the zone it was written in (`+01:00`).
  static func start(of report: IncidentReport) -> (day: String, time: String, offset: String)? {
    guard let date = report.date, let entry = report.timeline.first(where: { $0.instant != nil }), let instant = entry.instant
    else { return nil }
    let zone = entry.timeZone.flatMap(TimeZoneResolver.zone(named:)) ?? TimeZone(identifier: "UTC")!
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
    guard parts.year == date.year, parts.month == date.month, parts.day == date.day else { return nil }
    let seconds = zone.secondsFromGMT(for: instant)
    let offset = String(format: "%@%02d:%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    return (date.description, String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0), offset)
  }

  /// `text` cut to at most `limit` characters at a word's end, with an ellipsis.
  static func cutAtWord(_ text: String, _ limit: Int) -> String {
    guard text.count > limit else { return text }
    let head = text.prefix(limit - 1)
    let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
    var trimmed = String(cut)
    while let last = trimmed.last, ",;:-–—".contains(last) || last == " " { trimmed.removeLast() }
    return trimmed + "…"
  }

  /// `2019-03-01 12:00:00 +0000`: the author's time kept, a zone added when missing; a day
  /// alone takes the incident's start on that day when the timeline gives it.
  static func jekyllDate(_ written: String?, fallback: CalendarDate?, start: (day: String, time: String, offset: String)? = nil) -> String {
    if let written, written.count >= 10, CalendarDate(iso: written.prefix(10)) != nil {
      let rest = written.dropFirst(10).trimmingWhitespace().replacingOccurrences(of: "T", with: "")
      if rest.isEmpty {
        if let start, start.day == String(written.prefix(10)) { return "\(start.day) \(start.time) \(start.offset.replacingOccurrences(of: ":", with: ""))" }
        return "\(written.prefix(10)) 00:00:00 +0000"
      }
      let hasZone = rest.contains("+") || rest.contains("Z") || rest.split(separator: " ").count > 1 || rest.dropFirst(6).contains("-")
      return hasZone ? written : "\(written.prefix(10)) \(rest) +0000"
    }
    if let start, start.day == fallback?.description { return "\(start.day) \(start.time) \(start.offset.replacingOccurrences(of: ":", with: ""))" }
    return "\((fallback ?? CalendarDate(year: 1970, month: 1, day: 1)!).description) 00:00:00 +0000"
  }

  /// `2019-03-01T12:00:00Z`; a day alone takes the incident's start as `jekyllDate` does.
  static func hugoDate(_ written: String?, fallback: CalendarDate?, start: (day: String, time: String, offset: String)? = nil) -> String {
    if let written, written.count >= 10, CalendarDate(iso: written.prefix(10)) != nil {
      let rest = written.dropFirst(10).trimmingWhitespace().replacingOccurrences(of: "T", with: "")
      if rest.isEmpty {
        if let start, start.day == String(written.prefix(10)) { return "\(start.day)T\(start.time)\(start.offset)" }
        return "\(written.prefix(10))T00:00:00Z"
      }
      if rest.count == 8 { return "\(written.prefix(10))T\(rest)Z" }
      return "\(written.prefix(10))T\(rest)"
    }
    if let start, start.day == fallback?.description { return "\(start.day)T\(start.time)\(start.offset)" }
    return "\((fallback ?? CalendarDate(year: 1970, month: 1, day: 1)!).description)T00:00:00Z"
  }
}
