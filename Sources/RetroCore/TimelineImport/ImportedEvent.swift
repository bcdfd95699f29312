import Foundation

/// One event read from an incident's records (a chat message, a page, an alert, a deploy),
/// before it is written as a timeline entry.
public struct ImportedEvent: Sendable, Equatable {
  public var instant: Date
  /// What happened, as plain text: one line, the tool's own words.
  public var text: String
  /// The tool it came from, as a reader names it (`Slack #inc-checkout`, `PagerDuty`).
  public var source: String
  /// A web link to the event or its incident, run or commit, when the export gives one.
  public var link: String?
  /// What kind of signal it is, for guessing the milestones.
  public var signal: ImportedEventSignal

  public init(instant: Date, text: String, source: String, link: String? = nil, signal: ImportedEventSignal) {
    self.instant = instant
    self.text = text
    self.source = source
    self.link = link
    self.signal = signal
  }
}
