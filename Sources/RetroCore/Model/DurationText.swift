import Foundation

/// Durations as people read them in incident figures: `9m`, `1h30m`, `2d4h`, `—` when unknown.
public enum DurationText {
  public static func format(_ seconds: TimeInterval?) -> String {
    guard let seconds else { return "—" }
    let minutes = Int(seconds.rounded()) / 60
    if minutes < 60 { return "\(minutes)m" }
    if minutes < 48 * 60 { return "\(minutes / 60)h\(String(format: "%02d", minutes % 60))m" }
    return "\(minutes / 1440)d\(minutes % 1440 / 60)h"
  }
}
