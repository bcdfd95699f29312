import Foundation

/// The likely start, detection, mitigation and resolution among imported events, each with
/// the reason, read from the events' signals (never their words):
/// - start: the last deploy in the two hours before the first alert or page (with no such
///   deploy the start is not guessed: an alert says when it was seen, not when it began);
/// - detection: the first alert, else the first page;
/// - mitigation: the first revert or rollback after detection;
/// - resolution: the last page resolved, else the last alert that stopped firing.
/// A milestone the report's timeline already has is not guessed again.
public enum ImportedMilestones {
  public struct Guess: Sendable, Equatable {
    public var kind: TimelineEventKind
    public var reason: String
  }

  /// Guesses by index into `events`, which are in time order.
  public static func guess(_ events: [ImportedEvent], known: Set<TimelineEventKind>) -> [Int: Guess] {
    var guesses: [Int: Guess] = [:]
    let firstAlert = events.firstIndex { $0.signal == .alertFiring }
    let firstPage = events.firstIndex { $0.signal == .page }
    guard let detection = firstAlert ?? firstPage else {
      // Nothing alerted or paged: a rollback or resolve alone says too little of the course.
      return [:]
    }
    let warning = [firstAlert, firstPage].compactMap { $0 }.min() ?? detection
    let cutoff = events[warning].instant.addingTimeInterval(-2 * 3600)
    if let deploy = events[..<warning].lastIndex(where: { $0.signal == .deploy && $0.instant >= cutoff }) {
      guesses[deploy] = Guess(kind: .start, reason: "the last deploy before the first \(events[warning].signal == .page ? "page" : "alert")")
    }
    guesses[detection] = Guess(kind: .detected, reason: events[detection].signal == .page ? "the first page" : "the first alert")
    if let rollback = events.indices.first(where: { $0 > detection && events[$0].signal == .rollback }) {
      guesses[rollback] = Guess(kind: .mitigated, reason: "the first revert or rollback after detection")
    }
    if let resolved = events.lastIndex(where: { $0.signal == .pageResolved }), resolved > detection {
      guesses[resolved] = Guess(kind: .resolved, reason: "the page was resolved")
    } else if let resolved = events.lastIndex(where: { $0.signal == .alertResolved }), resolved > detection {
      guesses[resolved] = Guess(kind: .resolved, reason: "the last alert stopped firing")
    }
    return guesses.filter { !known.contains($0.value.kind) }
  }
}
