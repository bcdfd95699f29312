import RetroCore

/// A check on one report.
public protocol Rule: Sendable {
  static var description: RuleDescription { get }
  init()
  /// Findings for one report. Severity is filled in by the linter from the configuration.
  func validate(_ context: LintContext) -> [Finding]
}

/// A check that needs every report at once: a first pass collects, a second validates
/// (duplicate ids across reports, items promised again after an earlier incident). It sees a
/// small summary of each report, so a run over thousands of files need not keep them parsed.
public protocol CrossReportRule: Sendable {
  static var description: RuleDescription { get }
  init()
  func validate(_ reports: [ReportSummary], configuration: LintConfiguration) -> [(path: String, finding: Finding)]
}

/// What cross-report rules know of one report.
public struct ReportSummary: Sendable {
  public var path: String
  public var date: CalendarDate?
  public var actionItems: [ActionItem]
  /// By action item line, the date of the incident the item belongs to when a heading above
  /// it names one (`### Incident on 2023-08-04 …` in a log of incidents).
  public var incidentDates: [Int: CalendarDate] = [:]

  public init(_ context: LintContext) {
    self.path = context.path
    self.date = context.report.date
    self.actionItems = context.report.actionItems
    self.incidentDates = context.report.incidentDates(order: context.configuration.parser.dateOrder)
  }
}

/// A rule's finding before the linter gives it a severity and a file.
public struct Finding: Sendable, Equatable {
  public var message: String
  public var line: Int
  public var column: Int
  public var note: Diagnostic.Note?
  /// What `retro lint --fix` and the editor's quick fix do about it, when that is safe.
  public var fix: Fix?

  public init(_ message: String, line: Int, column: Int = 1, note: Diagnostic.Note? = nil, fix: Fix? = nil) {
    self.message = message
    self.line = line
    self.column = column
    self.note = note
    self.fix = fix
  }
}
