import Foundation

/// The likely start, detection, mitigation and resolution among imported events, each with
/// the reason, read from the events' signals (never their words):
/// - start: the last deploy in the two hours before the first alert or page, else the first
///   alert that fired;
/// - detection: the first alert (when it is not the start), else the first page, else the
///   first message: monitoring knew before a person was paged;
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
    let firstWarning = [firstAlert, firstPage].compactMap { $0 }.min()
    var start: Int?
    if let warning = firstWarning {
      let cutoff = events[warning].instant.addingTimeInterval(-2 * 3600)
      if let deploy = events[..<warning].lastIndex(where: { $0.signal == .deploy && $0.instant >= cutoff }) {
        start = deploy
        guesses[deploy] = Guess(kind: .start, reason: "the last deploy before the first \(events[warning].signal == .page ? "page" : "alert")")
      } else if let firstAlert {
        start = firstAlert
        guesses[firstAlert] = Guess(kind: .start, reason: "the first alert fired")
      }
    }
    var detection: Int?
    if let firstAlert, firstAlert != start {
      detection = firstAlert
    } else if let firstPage {
      detection = firstPage
    } else if let message = events.firstIndex(where: { event in event.signal == .message && (start.map { events[$0].instant <= event.instant } ?? true) }),
      message != start
    {
      detection = message
    }
    if let detection {
      let reason = events[detection].signal == .page ? "the first page" : events[detection].signal == .alertFiring ? "the first alert" : "the first message"
      guesses[detection] = Guess(kind: .detected, reason: reason)
    }
    let after = detection ?? start ?? 0
    if let rollback = events.indices.first(where: { $0 > after && events[$0].signal == .rollback }) {
      guesses[rollback] = Guess(kind: .mitigated, reason: "the first revert or rollback after detection")
    }
    if let resolved = events.lastIndex(where: { $0.signal == .pageResolved }), resolved > after {
      guesses[resolved] = Guess(kind: .resolved, reason: "the page was resolved")
    } else if let resolved = events.lastIndex(where: { $0.signal == .alertResolved }), resolved > after {
      guesses[resolved] = Guess(kind: .resolved, reason: "the last alert stopped firing")
    }
    return guesses.filter { !known.contains($0.value.kind) }
  }
}
