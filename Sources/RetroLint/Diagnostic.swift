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
  public var note: Note? {
    get { rare?.note }
    set { setRare(note: newValue, fix: fix) }
  }
  /// The rule's safe fix, when it has one (not part of the JSON output).
  public var fix: Fix? {
    get { rare?.fix }
    set { setRare(note: note, fix: newValue) }
  }

  /// The note and the fix, which few diagnostics have, behind one reference: a run over
  /// thousands of files holds every diagnostic until it is reported, and inline they more
  /// than doubled each one's size.
  private final class Rare: Sendable {
    let note: Note?
    let fix: Fix?

    init(note: Note?, fix: Fix?) {
      self.note = note
      self.fix = fix
    }
  }

  private var rare: Rare?

  private mutating func setRare(note: Note?, fix: Fix?) {
    rare = note == nil && fix == nil ? nil : Rare(note: note, fix: fix)
  }

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
    self.rare = note == nil && fix == nil ? nil : Rare(note: note, fix: fix)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      ruleId: try container.decode(String.self, forKey: .ruleId),
      severity: try container.decode(DiagnosticSeverity.self, forKey: .severity),
      message: try container.decode(String.self, forKey: .message), path: try container.decode(String.self, forKey: .path),
      line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column),
      note: try container.decodeIfPresent(Note.self, forKey: .note))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ruleId, forKey: .ruleId)
    try container.encode(severity, forKey: .severity)
    try container.encode(message, forKey: .message)
    try container.encode(path, forKey: .path)
    try container.encode(line, forKey: .line)
    try container.encode(column, forKey: .column)
    try container.encodeIfPresent(note, forKey: .note)
  }

  public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    lhs.ruleId == rhs.ruleId && lhs.severity == rhs.severity && lhs.message == rhs.message && lhs.path == rhs.path
      && lhs.line == rhs.line && lhs.column == rhs.column && lhs.note == rhs.note && lhs.fix == rhs.fix
  }

  /// Sorts by file, line, column, then rule, so every output is stable.
  public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    (lhs.path, lhs.line, lhs.column, lhs.ruleId, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.ruleId, rhs.message)
  }
}
