import Foundation

extension TimeStampReader {
  /// A cursor over the characters of one line.
  struct Scanner {
    struct Stamp {
      var date: DateParts?
      var hour: Int?
      var minute: Int?
      var second: Int?
      var zone: String?
      var end: Int
    }

    let chars: [Character]
    var index = 0

    init(_ chars: [Character]) { self.chars = chars }

    var current: Character? { index < chars.count ? chars[index] : nil }
    func peek(_ offset: Int) -> Character? {
      index + offset < chars.count ? chars[index + offset] : nil
    }

    mutating func skipSpaces() {
      while let c = current, c == " " || c == "\t" || c == "\u{00A0}" { index += 1 }
    }

    /// Skips `*`, `_`, backticks, brackets and quote markers before a stamp; true if a `~`
    /// (approximately) was among them.
    mutating func skipLeadingMarkup() -> Bool {
      var approximate = false
      while let c = current, " \t*_`[(>~≈".contains(c) {
        if c == "~" || c == "≈" { approximate = true }
        index += 1
      }
      return approximate
    }

    mutating func skipWord(in words: Set<String>) -> Bool {
      let mark = index
      guard let word = readWord() else { return false }
      var lowered = word.lowercased()
      if current == "." {
        lowered += "."
        if words.contains(lowered) {
          index += 1
          return true
        }
        lowered.removeLast()
      }
      if words.contains(lowered) { return true }
      index = mark
      return false
    }

    mutating func readWord() -> String? {
      let start = index
      while let c = current, c.isLetterFast { index += 1 }
      return index > start ? String(chars[start..<index]) : nil
    }

    mutating func readNumber(maxDigits: Int = 4) -> (value: Int, digits: Int)? {
      let start = index
      var value = 0
      while let c = current, let digit = c.asciiDigit, index - start < maxDigits + 1 {
        value = value * 10 + digit
        index += 1
      }
      let digits = index - start
      guard digits > 0, digits <= maxDigits else {
        index = start
        return nil
      }
      if let c = current, c.isNumberFast {
        index = start
        return nil
      }
      return (value, digits)
    }

    /// `??:??`, `[???]`, `--:--`, `XX:XX`, `2023-MM-DD`: a time slot left unfilled.
    mutating func readPlaceholder() -> String? {
      let start = index
      // Every placeholder has a `?`, `:` or `-` in it, and one with a digit also has a `?` or
      // a letter (`9:??`, `22:XX`, `2024-MM-DD`): other tokens (`10:00`) are not built.
      var marked = false
      var (letter, question, digit) = (false, false, false)
      while let c = current, c.isLetterFast || c.isNumberFast || c == "?" || c == ":" || c == "-" || c == "/" {
        if c == "?" || c == ":" || c == "-" { marked = true }
        if c == "?" { question = true } else if c.isLetterFast { letter = true } else if c.isNumberFast { digit = true }
        index += 1
      }
      guard marked, letter || question || !digit else {
        index = start
        return nil
      }
      let token = String(chars[start..<index])
      let upper = token.uppercased()
      let looksLikeSlot =
        (token.contains("?") && token.allSatisfy { "?:-/".contains($0) || $0.isNumberFast })
        || token == "--:--" || upper == "XX:XX" || upper == "HH:MM"
        || upper.hasSuffix("-MM-DD") || upper.hasPrefix("YYYY-") || Self.isPartlyFilledTime(upper)
      if looksLikeSlot && !token.isEmpty { return token }
      index = start
      return nil
    }

    /// `22:XX`, `XX:30`, `9:??`: a time with its hour or minutes not yet known.
    static func isPartlyFilledTime(_ upper: String) -> Bool {
      let parts = upper.splitASCII(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) }) else { return false }
      let slot: (Substring) -> Bool = { $0.allSatisfy { $0 == "X" || $0 == "?" } }
      let number: (Substring) -> Bool = { $0.allSatisfy(\.isNumberFast) }
      return (slot(parts[0]) || number(parts[0])) && (slot(parts[1]) || number(parts[1]))
        && (slot(parts[0]) || slot(parts[1]))
    }

    // MARK: - Stamps

    mutating func readStamp() -> Stamp? {
      let start = index
      _ = readWeekday()
      var date = readDate(requireYear: false, timeMustFollow: true)
      var end = date?.end ?? index
      if date != nil {
        index = end
        let afterDate = index
        _ = readWeekday()
        skipDateTimeSeparator()
        let beforeTime = index
        index = readTime() == nil ? afterDate : beforeTime
      }
      guard date != nil || current?.isNumberFast == true else {
        index = start
        return nil
      }
      let timeStart = index
      var stamp = Stamp(date: date?.parts, end: end)
      if let time = readTime() {
        stamp.hour = time.hour
        stamp.minute = time.minute
        stamp.second = time.second
        end = index
        if let zone = readZone() {
          stamp.zone = zone
          end = index
        }
        let beforeDual = index
        skipDualTime()
        if index != beforeDual { end = index }
        if date == nil {
          // A date after the time: `11:10 6th Nov 2023`, `13:55 PM PST Saturday Oct 30th`.
          let mark = index
          skipSpaces()
          if current == "," { index += 1 }
          skipSpaces()
          _ = readWeekday()
          if let later = readDate(requireYear: false) {
            date = later
            stamp.date = later.parts
            end = later.end
          } else {
            index = mark
          }
        }
      } else {
        index = timeStart
        guard date != nil else {
          index = start
          return nil
        }
        if let zone = readZone() {
          stamp.zone = zone
          end = index
        }
      }
      stamp.end = end
      index = end
      return stamp
    }

    mutating func readWeekday() -> Bool {
      let mark = index
      guard let word = readWord(), TimeStampReader.weekdays.contains(word.lowercased()) else {
        index = mark
        return false
      }
      if current == "." { index += 1 }
      if current == "," { index += 1 }
      skipSpaces()
      return true
    }

    mutating func skipDateTimeSeparator() {
      if current == "T", peek(1)?.isNumberFast == true {
        index += 1
        return
      }
      skipSpaces()
      if current == "~" { index += 1 }
      if current == "," || current == "@" {
        index += 1
        skipSpaces()
      }
      let mark = index
      if let word = readWord(), word.lowercased() == "at" {
        skipSpaces()
      } else {
        index = mark
      }
      // `2019-10-20 - 00:55` and `Jan 14 | 10:18`
      if let c = current, "-–|".contains(c), peek(1) == " " {
        index += 1
        skipSpaces()
      }
    }

    /// The `(6:48 PDT)` that some teams add after the UTC time.
    mutating func skipDualTime() {
      let mark = index
      skipSpaces()
      guard current == "(" else {
        index = mark
        return
      }
      index += 1
      if readTime() != nil, let close = chars[index...].prefix(12).firstIndex(of: ")") {
        index = close + 1
      } else {
        index = mark
      }
    }

    mutating func readTime() -> (hour: Int, minute: Int, second: Int?)? {
      let start = index
      guard let first = readNumber() else { return nil }
      if first.digits <= 2, current == ":" || current == "." && peek(1)?.isNumberFast == true && peek(3)?.isNumberFast != true {
        let separator = current
        index += 1
        guard let minute = readNumber(maxDigits: 2), minute.digits == 2, minute.value < 60 else {
          index = start
          return nil
        }
        var second: Int?
        if current == separator, let s = peekNumber(at: index + 1), s.digits == 2, s.value < 61 {
          index += 3
          second = s.value
          if current == ".", peek(1)?.isNumberFast == true {
            index += 1
            while current?.isNumberFast == true { index += 1 }
          }
        }
        var hour = first.value
        if let meridiem = readMeridiem() {
          guard hour <= 24 else {
            index = start
            return nil
          }
          hour = adjust(hour, meridiem: meridiem)
        }
        guard hour < 24 || (hour == 24 && minute.value == 0) else {
          index = start
          return nil
        }
        return (hour % 24, minute.value, second)
      }
      if first.digits <= 2, let meridiem = readMeridiem(), (1...12).contains(first.value) {
        return (adjust(first.value, meridiem: meridiem), 0, nil)
      }
      if first.digits == 4, first.value / 100 < 24, first.value % 100 < 60 {
        // `1625` only when a zone or an entry separator follows, so `2019 was` stays text.
        let mark = index
        let zone = readZone()
        index = zone != nil ? index : mark
        let after = index
        skipSpaces()
        let next = current
        index = after
        if zone != nil || next == ":" || next == "-" || next == "–" || next == "—" || next == "|" {
          index = zone != nil ? mark : after
          return (first.value / 100, first.value % 100, nil)
        }
      }
      index = start
      return nil
    }

    func peekNumber(at position: Int) -> (value: Int, digits: Int)? {
      var copy = self
      copy.index = position
      return copy.readNumber(maxDigits: 2)
    }

    func adjust(_ hour: Int, meridiem: Character) -> Int {
      if hour > 12 { return hour }  // `13:55 PM`: a 24-hour time with a stray PM
      if meridiem == "a" { return hour == 12 ? 0 : hour }
      return hour == 12 ? 12 : hour + 12
    }

    /// `am`, `PM`, `a.m.`, with or without a space before; returns "a" or "p".
    mutating func readMeridiem() -> Character? {
      let mark = index
      skipSpaces()
      guard let c = current?.lowercased().first, c == "a" || c == "p" else {
        index = mark
        return nil
      }
      index += 1
      if current == "." { index += 1 }
      guard current?.lowercased() == "m" else {
        index = mark
        return nil
      }
      index += 1
      if current == "." { index += 1 }
      if let next = current, next.isLetterFast {
        index = mark
        return nil
      }
      return c
    }

    mutating func readZone() -> String? {
      let mark = index
      if current == "Z", peek(1).map({ !$0.isLetterFast }) ?? true {
        index += 1
        return "Z"
      }
      skipSpaces()
      var parenthesised = false
      if current == "(" {
        parenthesised = true
        index += 1
      }
      if let word = readWord() {
        let known = TimeStampReader.zoneWords.contains(word)
          || ["utc", "gmt"].contains(word.lowercased())
        guard known else {
          index = mark
          return nil
        }
        var zone = word
        if let offset = readOffset() { zone += offset }
        if ["Eastern", "Pacific", "Central", "Mountain"].contains(word) {
          let afterWord = index
          skipSpaces()
          if readWord()?.lowercased() != "time" { index = afterWord }
        }
        if parenthesised {
          // `(UTC` without its closing parenthesis is not a zone.
          guard current == ")" else {
            index = mark
            return nil
          }
          index += 1
        }
        return zone
      }
      // A bare offset: `+02:00` only; `-04:30` right after a time is more often a range
      // (`02:00-04:30`) than a zone.
      if current == "+", let offset = readOffset() {
        if parenthesised, current == ")" { index += 1 }
        return offset
      }
      index = mark
      return nil
    }

    /// `+02:00`, `-0500`, `+2`.
    mutating func readOffset() -> String? {
      guard let sign = current, sign == "+" || sign == "-" || sign == "−" else { return nil }
      let mark = index
      index += 1
      guard let hours = readNumber(maxDigits: 4) else {
        index = mark
        return nil
      }
      var text = (sign == "−" ? "-" : String(sign))
      if hours.digits <= 2 {
        guard hours.value <= 14 else {
          index = mark
          return nil
        }
        text += String(format: "%02d", hours.value)
        if current == ":", let minutes = peekNumber(at: index + 1), minutes.digits == 2 {
          index += 3
          text += String(format: ":%02d", minutes.value)
        } else {
          text += ":00"
        }
      } else if hours.digits == 4, hours.value / 100 <= 14, hours.value % 100 < 60 {
        text += String(format: "%02d:%02d", hours.value / 100, hours.value % 100)
      } else {
        index = mark
        return nil
      }
      return text
    }
  }
}
