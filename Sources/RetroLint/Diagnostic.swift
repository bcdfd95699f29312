import RetroCore

/// One finding: which rule, how serious, what it says, and where.
public struct Diagnostic: Sendable, Equatable, Codable {
  /// Another place that explains the finding (the first of two duplicates, say).
  public struct Note: Sendable, Equatable, Codable {
    public var message: String
    public var path: String
    public var line: Int

    public init(message: String, path: String, line: Int) {
      self.message = message
      self.path = path
      self.line = line
    }
  }

  public var ruleId: String
  public var severity: DiagnosticSeverity
  /// One sentence, no trailing period.
  public var message: String
  public var path: String
  public var line: Int
  public var column: Int
  public var note: Note?
  /// The rule's safe fix, when it has one (not part of the JSON output).
  public var fix: Fix?

  private enum CodingKeys: String, CodingKey { case ruleId, severity, message, path, line, column, note }

  public init(
    ruleId: String, severity: DiagnosticSeverity, message: String, path: String, line: Int, column: Int = 1,
    note: Note? = nil, fix: Fix? = nil
  ) {
    self.ruleId = ruleId
    self.severity = severity
    self.message = message
    self.path = path
    self.line = max(1, line)
    self.column = max(1, column)
    self.note = note
    self.fix = fix
  }

  /// Sorts by file, line, column, then rule, so every output is stable.
  public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    (lhs.path, lhs.line, lhs.column, lhs.ruleId, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.ruleId, rhs.message)
  }
}
