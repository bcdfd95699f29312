import Foundation

/// Turns the zone names people write in timelines into time zones.
///
/// Abbreviations are fixed offsets, as written (`PST` is -08:00 even in summer: the author
/// chose it); region words (`Eastern`, `Pacific`) and IANA names follow daylight saving.
public enum TimeZoneResolver {
  static let offsets: [String: Int] = [
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6,
    "CST": -6, "CDT": -5, "EST": -5, "EDT": -4, "CET": 1, "CEST": 2, "BST": 1, "WEST": 1,
    "EET": 2, "EEST": 3, "MSK": 3, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AWST": 8,
    "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "BRT": -3, "ART": -3,
  ]
  static let regions: [String: String] = [
    "eastern": "America/New_York", "et": "America/New_York", "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles", "central": "America/Chicago", "ct": "America/Chicago",
    "mountain": "America/Denver", "mt": "America/Denver",
  ]

  /// The zone `name` stands for, or nil when it is not a zone.
  public static func zone(named name: String) -> TimeZone? {
    let trimmed = name.trimmingWhitespace()
    if trimmed.isEmpty { return nil }
    let upper = trimmed.uppercased()
    if let hours = offsets[upper] { return TimeZone(secondsFromGMT: hours * 3600) }
    if upper == "IST" { return TimeZone(secondsFromGMT: 5 * 3600 + 1800) }
    if upper == "ACST" { return TimeZone(secondsFromGMT: 9 * 3600 + 1800) }
    if let region = regions[trimmed.lowercased()] { return TimeZone(identifier: region) }
    if let seconds = offsetSeconds(trimmed) { return TimeZone(secondsFromGMT: seconds) }
    for prefix in ["UTC", "GMT"] where upper.hasPrefix(prefix) {
      if let seconds = offsetSeconds(String(trimmed.dropFirst(prefix.count))) {
        return TimeZone(secondsFromGMT: seconds)
      }
    }
    if trimmed.contains("/") { return TimeZone(identifier: trimmed) }
    return nil
  }

  /// `+02:00`, `-0500`, `+2` in seconds east of UTC.
  static func offsetSeconds(_ text: String) -> Int? {
    guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
    let digits = text.dropFirst().replacingOccurrences(of: ":", with: "")
    guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let value = Int(digits) else { return nil }
    let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
    guard hours <= 14, minutes < 60 else { return nil }
    return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
  }

  /// A zone named in free text such as `Timeline (all times PST)`, `All times in UTC.`,
  /// `Date and Time in CET` or `Time (UTC)`.
  public static func zoneMentioned(in text: String) -> String? {
    let bytes = text.utf8
    if !bytes.contains(where: { $0 >= 0x80 }) { return asciiZoneMentioned(Array(bytes)) }
    var word = ""
    var words: [String] = []
    for character in text + " " {
      if character.isLetter || character.isNumber || "+-:/_".contains(character) {
        word.append(character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    return firstZone(words)
  }

  /// `zoneMentioned` for ASCII text, by bytes: words of letters, digits and `+-:/_`.
  private static func asciiZoneMentioned(_ bytes: [UInt8]) -> String? {
    var words: [String] = []
    var start = -1
    for index in 0...bytes.count {
      let byte = index < bytes.count ? bytes[index] : 0x20
      let inWord = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        || byte == 0x2B || byte == 0x2D || byte == 0x3A || byte == 0x2F || byte == 0x5F
      if inWord {
        if start < 0 { start = index }
      } else if start >= 0 {
        // Only a word with an uppercase letter can name a zone, or one such as `utc+2`.
        let word = bytes[start..<index]
        if word.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) || Self.startsWithUTCOrGMT(word) {
          words.append(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        start = -1
      }
    }
    return firstZone(words)
  }

  private static func startsWithUTCOrGMT(_ word: ArraySlice<UInt8>) -> Bool {
    let lowered = word.map { $0 | 0x20 }
    let trimmed = lowered.drop(while: { $0 == 0x3A || $0 == 0x2D || $0 == 0x5F | 0x20 })
    return trimmed.starts(with: Array("utc".utf8)) || trimmed.starts(with: Array("gmt".utf8))
  }

  private static func firstZone(_ words: [String]) -> String? {
    for candidate in words {
      let cleaned = candidate.trimmingCharacters(in: CharacterSet(charactersIn: ":-_"))
      if TimeStampReader.zoneWords.contains(cleaned) && cleaned.count >= 2 && cleaned != "ET" && cleaned != "CT"
        && cleaned != "MT" && cleaned != "PT" && cleaned != "Central"
      {
        return cleaned
      }
      if cleaned.uppercased().hasPrefix("UTC") || cleaned.uppercased().hasPrefix("GMT"),
        zone(named: cleaned) != nil
      {
        return cleaned
      }
      if cleaned.contains("/"), cleaned.first?.isUppercase == true, TimeZone(identifier: cleaned) != nil {
        return cleaned
      }
    }
    return nil
  }
}
