/// Reads the date and time stamps that start timeline entries, in the many ways people
/// write them, without regular expressions (this runs on every candidate line).
public enum TimeStampReader {
  static let months: [String: Int] = [
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
  ]
  static let weekdays: Set<String> = [
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
    "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
  ]
  static let zoneWords: Set<String> = [
    "UTC", "GMT", "Z", "PST", "PDT", "PT", "MST", "MDT", "MT", "CST", "CDT", "CT", "EST", "EDT",
    "ET", "CET", "CEST", "BST", "WET", "WEST", "EET", "EEST", "IST", "JST", "KST", "AEST", "AEDT",
    "ACST", "AWST", "NZST", "NZDT", "HKT", "SGT", "MSK", "BRT", "ART", "Eastern", "Pacific",
    "Central", "Mountain",
  ]

  /// Reads a stamp at the start of `line`; nil when the line does not start with one.
  public static func read(_ line: some StringProtocol) -> TimeStamp? {
    readStamp(line)
  }

  /// `read` for a `String`: a concrete entry point, so callers in other modules (the lint
  /// rules) get the code specialised here instead of the generic one.
  public static func read(_ line: String) -> TimeStamp? {
    readStamp(line)
  }

  private static func readStamp(_ line: some StringProtocol) -> TimeStamp? {
    cannotStartStamp(line) ? nil : scanStamp(line)
  }

  /// The scanner's reading of `line`, with no quick rejection (tests hold the two equal).
  static func scanStamp(_ line: some StringProtocol) -> TimeStamp? {
    var scanner = Scanner(characters(line, limit: 240))
    var approximate = scanner.skipLeadingMarkup()
    if scanner.skipWord(in: approximateWords) {
      approximate = true
      scanner.skipSpaces()
    }
    let start = scanner.index
    if let unreadable = scanner.readPlaceholder() {
      return TimeStamp(
        text: unreadable, date: nil, hour: nil, minute: nil, second: nil, zone: nil,
        approximate: approximate, unreadable: true,
        remainder: rest(of: line, from: scanner.skipSeparator()))
    }
    guard let stamp = scanner.readStamp() else { return nil }
    let text = String(scanner.chars[start..<stamp.end]).trimmingWhitespace().trimmingASCII("*_`,")
    scanner.index = stamp.end
    return TimeStamp(
      text: text, date: stamp.date, hour: stamp.hour, minute: stamp.minute, second: stamp.second,
      zone: stamp.zone, approximate: approximate, unreadable: false,
      remainder: rest(of: line, from: scanner.skipSeparator()))
  }

  /// True when `line` cannot start with a stamp or a placeholder, told from its first bytes:
  /// most lines a parser offers start with a word that is no month or weekday, and building
  /// the scanner's characters for them was the reader's main cost. Past the leading markup
  /// the scanner skips, a stamp starts with a digit, one of `?:-/` (a placeholder), a month
  /// or weekday name, an "approximately" word, or a word the placeholder's token continues
  /// (`XX:XX`, `YYYY-MM-DD`): a word of letters alone is never a placeholder. Anything not
  /// plain ASCII there is left to the scanner.
  static func cannotStartStamp(_ line: some StringProtocol) -> Bool {
    var bytes = line.utf8.makeIterator()
    var byte = bytes.next()
    while let b = byte, b == 0x20 || b == 0x09 || b == 0x2A || b == 0x5F || b == 0x60 || b == 0x5B || b == 0x28 || b == 0x3E || b == 0x7E {
      byte = bytes.next()
    }
    guard let first = byte else { return false }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    func continuesToken(_ b: UInt8) -> Bool { isDigit(b) || b == 0x3F || b == 0x3A || b == 0x2D || b == 0x2F }  // ? : - /
    if first >= 0x80 || continuesToken(first) { return false }
    guard isLetter(first) else { return true }
    var word: [UInt8] = [first | 0x20]
    var next = bytes.next()
    while let b = next, isLetter(b), word.count < 12 {
      word.append(b | 0x20)
      next = bytes.next()
    }
    if let b = next, b >= 0x80 || isLetter(b) || continuesToken(b) { return false }
    let lowered = String(decoding: word, as: UTF8.self)
    return months[lowered] == nil && !weekdays.contains(lowered) && !approximateWords.contains(lowered)
  }

  /// The words before a stamp that mark it approximate (`~` and `≈` are markup).
  static let approximateWords: Set<String> = ["approx", "approx.", "approximately", "around", "about", "ca", "ca."]

  /// The first `limit` characters of `text`. ASCII text (nearly every line) skips grapheme
  /// breaking: each byte is one character, since CRLF, the one ASCII pair that makes a single
  /// character, became LF when the file was read.
  static func characters(_ text: some StringProtocol, limit: Int) -> [Character] {
    let utf8 = text.utf8
    var result: [Character] = []
    result.reserveCapacity(Swift.min(limit, utf8.count))
    for byte in utf8 {
      guard byte < 0x80, byte != 0x0D else { return Array(text.prefix(limit)) }
      if result.count == limit { break }
      result.append(Character(Unicode.Scalar(byte)))
    }
    return result
  }

  /// The line after its first `offset` characters, trimmed. Counted in bytes when those and
  /// the byte after them are ASCII without CR (each byte one character, and none joined to the
  /// next), in characters otherwise.
  static func rest(of line: some StringProtocol, from offset: Int) -> String {
    let utf8 = line.utf8
    if utf8.prefix(offset + 1).allSatisfy({ $0 < 0x80 && $0 != 0x0D }),
      let start = utf8.index(utf8.startIndex, offsetBy: offset, limitedBy: utf8.endIndex)
    {
      return String(Substring(line)[start...]).trimmingWhitespace()
    }
    return String(line.dropFirst(offset)).trimmingWhitespace()
  }

  /// Finds the first full date (with a year, or with a month name) anywhere in `text`.
  /// With `dayMonth`, a day before a month name needs no year either (`On 28th February`).
  public static func findDate(in text: some StringProtocol, dayMonth: Bool = false) -> DateParts? {
    let chars = characters(text, limit: 400)
    var index = 0
    while index < chars.count {
      let c = chars[index]
      let atWordStart = index == 0 || !(chars[index - 1].isLetterFast || chars[index - 1].isNumberFast)
      if atWordStart, c.isNumberFast || c.isLetterFast {
        var scanner = Scanner(chars)
        scanner.index = index
        if let date = scanner.readDate(requireYear: c.isNumberFast) { return date.parts }
        if dayMonth, c.isNumberFast, let date = scanner.readDate(requireYear: false), date.parts.ordered {
          return date.parts
        }
      }
      index += 1
    }
    return nil
  }

  /// What the numeric dates in `text` (`25/02/2019`, `02-13-2025`) say about day/month
  /// order: the side with more unambiguous dates wins. A byte scan, as it reads every file.
  public static func orderEvidence(in text: some StringProtocol) -> DateOrder? {
    var dayFirst = 0
    var monthFirst = 0
    let bytes = Array(text.utf8)
    func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    func number(at start: Int) -> (value: Int, end: Int) {
      var index = start
      var value = 0
      while index < bytes.count, isDigit(bytes[index]), index - start < 5 {
        value = value * 10 + Int(bytes[index] - 48)
        index += 1
      }
      return (value, index)
    }
    var index = 0
    while index < bytes.count {
      guard isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) else {
        index += 1
        continue
      }
      let begin = index
      let first = number(at: begin)
      index = first.end
      guard first.end - begin <= 2, index < bytes.count else { continue }
      let separator = bytes[index]
      guard separator == 47 || separator == 45 || separator == 46 else { continue }  // / - .
      let second = number(at: index + 1)
      let secondDigits = second.end - index - 1
      guard secondDigits >= 1, secondDigits <= 2, second.end < bytes.count, bytes[second.end] == separator else { continue }
      let year = number(at: second.end + 1)
      let yearDigits = year.end - second.end - 1
      guard yearDigits == 2 || yearDigits == 4 else { continue }
      index = year.end
      let a = first.value
      let b = second.value
      guard (1...31).contains(a), (1...31).contains(b) else { continue }
      if a > 12 && b <= 12 { dayFirst += 1 } else if b > 12 && a <= 12 { monthFirst += 1 }
    }
    if dayFirst > monthFirst { return .dayFirst }
    if monthFirst > dayFirst { return .monthFirst }
    return nil
  }
}

import Foundation
