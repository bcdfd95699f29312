import RetroCore

/// Applies the rules' safe fixes to one report, pass after pass, until none is left.
///
/// Each pass lints the current text, takes every fix that does not touch the text of another
/// (fixes that insert at the same place wait for the next pass, which places them again in
/// the right order), applies them and parses the result. A pass whose result does not read
/// as the old model plus additions is retried one fix at a time, and a fix that fails alone
/// is refused and reported. The linter's configuration and inline comments decide which
/// rules run, exactly as for `retro lint`.
public struct Fixer: Sendable {
  public let linter: Linter
  /// More passes than any report needs: a section, a key or an id per pass at worst.
  static let maximumPasses = 32

  public init(linter: Linter) {
    var linter = linter
    linter.makesFixes = true
    self.linter = linter
  }

  /// A fix that was applied, or refused and why.
  public struct Change: Sendable, Equatable {
    public var ruleId: String
    public var title: String
    public var line: Int
    public var refusal: String?
  }

  public struct Outcome: Sendable {
    public var original: String
    public var fixed: String
    public var applied: [Change] = []
    public var refused: [Change] = []
    /// What the linter still finds in the fixed text.
    public var remaining: [Diagnostic] = []

    public var changed: Bool { fixed != original }
  }

  public func fix(path: String, text: String, only: Set<String>? = nil) throws -> Outcome {
    var outcome = Outcome(original: text, fixed: text)
    var context = try linter.context(for: SourceFile(path: path, text: text))
    var refusedFixes = Set<Fix>()
    var diagnostics = linter.diagnostics(for: context, only: only)
    for _ in 0..<Self.maximumPasses {
      var chosen: [Diagnostic] = []
      for diagnostic in diagnostics {
        guard let fix = diagnostic.fix, !refusedFixes.contains(fix),
          !chosen.contains(where: { $0.fix!.conflicts(with: fix) })
        else { continue }
        chosen.append(diagnostic)
      }
      guard !chosen.isEmpty else { break }
      if let next = attempt(chosen, on: outcome.fixed, path: path, before: context) {
        (outcome.fixed, context) = next
        outcome.applied += chosen.map { Change(ruleId: $0.ruleId, title: $0.fix!.title, line: $0.line) }
      } else {
        for diagnostic in chosen {
          if let next = attempt([diagnostic], on: outcome.fixed, path: path, before: context) {
            (outcome.fixed, context) = next
            outcome.applied.append(Change(ruleId: diagnostic.ruleId, title: diagnostic.fix!.title, line: diagnostic.line))
            break
          }
          refusedFixes.insert(diagnostic.fix!)
          outcome.refused.append(
            Change(
              ruleId: diagnostic.ruleId, title: diagnostic.fix!.title, line: diagnostic.line,
              refusal: refusal(diagnostic, on: outcome.fixed, path: path, before: context)))
        }
      }
      diagnostics = linter.diagnostics(for: context, only: only)
    }
    outcome.remaining = diagnostics
    return outcome
  }

  /// True when `fix` applied to the report of `context` leaves a report that reads as the
  /// same model plus what the fix adds: what an editor's quick fix is offered on.
  public func isSafe(_ fix: Fix, in context: LintContext) -> Bool {
    let text = context.sourceLines.joined(separator: "\n")
    guard let edited = try? EditedText.applying(fix.edits, to: text),
      let after = try? linter.context(for: SourceFile(path: context.path, text: edited))
    else { return false }
    return FixVerification.problem(before: context.report, after: after.report, statusChanges: fix.statusChanges) == nil
  }

  static func statusChanges(_ fixes: [Fix]) -> [Int: ActionItemStatus] {
    fixes.reduce(into: [:]) { $0.merge($1.statusChanges) { _, new in new } }
  }

  private func attempt(_ chosen: [Diagnostic], on text: String, path: String, before: LintContext) -> (String, LintContext)? {
    guard let edited = try? EditedText.applying(chosen.flatMap { $0.fix!.edits }, to: text),
      let after = try? linter.context(for: SourceFile(path: path, text: edited)),
      FixVerification.problem(before: before.report, after: after.report, statusChanges: Self.statusChanges(chosen.compactMap(\.fix))) == nil
    else { return nil }
    return (edited, after)
  }

  private func refusal(_ diagnostic: Diagnostic, on text: String, path: String, before: LintContext) -> String {
    guard let edited = try? EditedText.applying(diagnostic.fix!.edits, to: text) else { return "its edits overlap" }
    guard let after = try? linter.context(for: SourceFile(path: path, text: edited)) else { return "the result does not parse" }
    return FixVerification.problem(before: before.report, after: after.report, statusChanges: diagnostic.fix!.statusChanges)
      ?? "it conflicts with another fix"
  }
}
