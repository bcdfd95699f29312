/// A date and/or time read from the start of a line (`18:45:`, `**2019-02-25 18:45 UTC**`,
/// `June 14th, 2022, 10:00 AM:`), and the text after it.
public struct TimeStamp: Sendable, Equatable {
  /// The stamp as written, markup removed.
  public var text: String
  public var date: DateParts?
  public var hour: Int?
  public var minute: Int?
  public var second: Int?
  /// The zone as written (`UTC`, `PST`, `+02:00`, `Eastern`).
  public var zone: String?
  /// Written with `~`, `approx.` or similar.
  public var approximate: Bool
  /// It looked like a time (`??:??`, `[???]`, `--:--`) but says nothing readable.
  public var unreadable: Bool
  /// The rest of the line after the stamp and its separator.
  public var remainder: String

  public var hasTime: Bool { hour != nil }
}
