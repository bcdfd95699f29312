import Foundation

/// The JSON of a tool's export, read loosely: every reader takes what it knows of an object
/// and ignores the rest, as the tools add fields from version to version.
enum ImportJSON {
  /// The file's JSON value, or an error that names the file (and the line, when the JSON
  /// reader gives one).
  static func read(_ path: String) throws -> Any {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(path: path, message: "cannot be read (check that it exists and its permissions)")
    }
    return try parse(data, path: path)
  }

  static func parse(_ data: Data, path: String) throws -> Any {
    do {
      return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? String(describing: error)
      let line = lineNumber(in: text, data: data)
      throw InputError(path: path, line: line, message: "is not valid JSON (\(reason(text)))")
    }
  }

  /// The line of the problem: `line 3` in the reader's message, or the line holding its
  /// `character 77` (the count of bytes before it).
  static func lineNumber(in message: String, data: Data) -> Int? {
    if let range = message.range(of: "line "), let line = Int(message[range.upperBound...].prefix { $0.isNumber }) { return line }
    guard let range = message.range(of: "character "), let offset = Int(message[range.upperBound...].prefix { $0.isNumber }) else {
      // Cut short: the problem is at the end.
      if data.isEmpty || message.lowercased().contains("end of file") {
        return 1 + data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - (data.last == 0x0A ? 1 : 0)
      }
      return nil
    }
    return 1 + data.prefix(min(offset, data.count)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  /// The reader's words without its position (which the line number gives).
  static func reason(_ message: String) -> String {
    var text = message
    if let around = text.range(of: " around ") { text = String(text[..<around.lowerBound]) }
    if let start = text.range(of: "debugDescription: \"") { text = String(text[start.upperBound...].prefix { $0 != "\"" }) }
    text = text.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    return text.isEmpty ? "unreadable" : String(text.prefix(200))
  }

  static func string(_ value: Any?) -> String? {
    switch value {
    case let text as String: return text
    case let number as NSNumber: return number.stringValue
    default: return nil
    }
  }

  static func object(_ value: Any?) -> [String: Any]? { value as? [String: Any] }

  static func array(_ value: Any?) -> [Any]? { value as? [Any] }

  /// An instant from an ISO 8601 time (with or without fractional seconds, `Z` or an
  /// offset), or from seconds or milliseconds since 1970 (a number or a Slack `ts`).
  static func instant(_ value: Any?) -> Date? {
    if let number = value as? NSNumber, !(value is Bool) {
      let raw = number.doubleValue
      return Date(timeIntervalSince1970: raw > 100_000_000_000 ? raw / 1000 : raw)
    }
    guard let text = string(value)?.trimmingWhitespace(), !text.isEmpty else { return nil }
    if text.first?.isNumber == true, text.allSatisfy({ $0.isNumber || $0 == "." }), let raw = Double(text) {
      return Date(timeIntervalSince1970: raw > 100_000_000_000 ? raw / 1000 : raw)
    }
    return isoInstant(text)
  }

  /// `2026-03-14T09:04:12Z`, `2026-03-14T09:04:12.123+01:00`, `2026-03-14 09:04:12 +0100`;
  /// nil for Go's zero time (`0001-01-01T00:00:00Z`), which Alertmanager writes for "not yet".
  static func isoInstant(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[from..<(from + count)] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = number(0, 4), bytes.count >= 16, bytes[4] == 0x2D, let month = number(5, 2), bytes[7] == 0x2D,
      let day = number(8, 2), bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20, let hour = number(11, 2), bytes[13] == 0x3A,
      let minute = number(14, 2)
    else { return nil }
    guard year > 1 else { return nil }
    var index = 16
    var second = 0.0
    if index < bytes.count, bytes[index] == 0x3A, let whole = number(index + 1, 2) {
      second = Double(whole)
      index += 3
      if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x2C {
        var digits = index + 1
        var fraction = 0.0
        var scale = 0.1
        while digits < bytes.count, bytes[digits] >= 0x30, bytes[digits] <= 0x39 {
          fraction += Double(bytes[digits] - 0x30) * scale
          scale /= 10
          digits += 1
        }
        second += fraction
        index = digits
      }
    }
    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    var offset = 0
    if index < bytes.count {
      let sign = bytes[index]
      if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
        offset = 0
      } else if sign == 0x2B || sign == 0x2D, let hours = number(index + 1, 2) {
        var minutes = 0
        if let m = number(index + 3, 2) {
          minutes = m
        } else if index + 3 < bytes.count, bytes[index + 3] == 0x3A, let m = number(index + 4, 2) {
          minutes = m
        }
        offset = (hours * 3600 + minutes * 60) * (sign == 0x2D ? -1 : 1)
      } else {
        return nil
      }
    }
    guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
    let days = daysFromCivil(year: year, month: month, day: day)
    let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
    return Date(timeIntervalSince1970: seconds)
  }

  /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
