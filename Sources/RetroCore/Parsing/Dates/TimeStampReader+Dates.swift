extension TimeStampReader.Scanner {
  struct ReadDate {
    var parts: DateParts
    var end: Int
  }

  /// Reads a date at the cursor: `2019-02-25`, `25/02/2019`, `12-05` (only before a time),
  /// `Jan 14`, `June 14th, 2022`, `6th Nov 2023`, `22/Mar/2022`. The cursor is left where
  /// it was; the result says where the date ends.
  mutating func readDate(requireYear: Bool, timeMustFollow: Bool = false) -> ReadDate? {
    let start = index
    defer { index = start }
    if let numeric = readNumericDate(requireYear: requireYear) { return numeric }
    index = start
    if let named = readNamedMonthDate(requireYear: requireYear) { return named }
    return nil
  }

  private mutating func readNumericDate(requireYear: Bool) -> ReadDate? {
    guard let first = readNumber() else { return nil }
    guard let separator = current, "-/.".contains(separator) else { return nil }
    index += 1
    if first.digits == 4 {
      guard let month = readNumber(maxDigits: 2), current == separator else { return nil }
      index += 1
      guard let day = readNumber(maxDigits: 2), (1...12).contains(month.value), (1...31).contains(day.value)
      else { return nil }
      return ReadDate(
        parts: DateParts(year: first.value, first: month.value, second: day.value, ordered: true),
        end: index)
    }
    guard first.digits <= 2 else { return nil }
    // `22/Mar/2022`
    let wordMark = index
    if let word = readWord(), let month = TimeStampReader.months[word.lowercased()] {
      guard current == separator else { return nil }
      index += 1
      guard let year = readNumber(), year.digits == 4 else { return nil }
      return ReadDate(
        parts: DateParts(year: year.value, first: month, second: first.value, ordered: true), end: index)
    }
    index = wordMark
    guard let second = readNumber(maxDigits: 2) else { return nil }
    guard (1...31).contains(first.value), (1...31).contains(second.value),
      first.value <= 12 || second.value <= 12
    else { return nil }
    if current == separator, let year = peekYear(at: index + 1) {
      index += 1 + year.digits
      let fullYear = year.digits == 2 ? 2000 + year.value : year.value
      // `3.4.2020`: dotted dates are written day first wherever dots are used.
      if separator == ".", first.value <= 12, second.value <= 12 {
        return ReadDate(parts: DateParts(year: fullYear, first: second.value, second: first.value, ordered: true), end: index)
      }
      return ReadDate(
        parts: DateParts(year: fullYear, first: first.value, second: second.value, ordered: false),
        end: index)
    }
    // `12-05 16:21` (k8s): a day and month with no year, only when a time follows.
    guard !requireYear, separator != ".", current == " " else { return nil }
    let end = index
    skipSpaces()
    let timeStart = index
    guard readTime() != nil else { return nil }
    index = timeStart
    // With a hyphen it is ISO's month and day (`--12-05`), unless the first cannot be a month.
    let monthFirst = separator == "-" && (1...12).contains(first.value)
    return ReadDate(
      parts: DateParts(year: nil, first: first.value, second: second.value, ordered: monthFirst), end: end)
  }

  private func peekYear(at position: Int) -> (value: Int, digits: Int)? {
    var copy = self
    copy.index = position
    guard let year = copy.readNumber(), year.digits == 4 || year.digits == 2 else { return nil }
    return year
  }

  private mutating func readNamedMonthDate(requireYear: Bool) -> ReadDate? {
    let start = index
    // Month first: `Jan 14`, `June 14th, 2022`, `March 31st, 2024`.
    if let word = readWord(), let month = TimeStampReader.months[word.lowercased()] {
      if current == "." { index += 1 }
      skipSpaces()
      guard let day = readNumber(maxDigits: 2), (1...31).contains(day.value) else { return nil }
      skipOrdinalSuffix()
      // A range within the month, `January 14-19, 2026`: the first day is the date.
      let beforeRange = index
      if let dash = current, dash == "-" || dash == "–", peek(1)?.isNumberFast == true {
        index += 1
        if readNumber(maxDigits: 2) == nil || current != "," { index = beforeRange } else { skipOrdinalSuffix() }
      }
      let (year, end) = readTrailingYear()
      if requireYear && year == nil { return nil }
      return ReadDate(parts: DateParts(year: year, first: month, second: day.value, ordered: true), end: end)
    }
    index = start
    // Day first: `6th Nov 2023`, `14 January 2019`, `01 Mar 2019`, `19. April`.
    guard let day = readNumber(maxDigits: 2), (1...31).contains(day.value) else { return nil }
    // `7-13th Nov`: a range of days; the first is the date.
    if current == "-", index + 1 < chars.count, chars[index + 1].isNumberFast {
      let mark = index
      index += 1
      if let last = readNumber(maxDigits: 2), (day.value...31).contains(last.value) {} else { index = mark }
    }
    skipOrdinalSuffix()
    // `19. April` (German and Nordic writing): a dot after the day.
    if current == ".", index + 1 < chars.count, chars[index + 1] == " " { index += 1 }
    skipSpaces()
    guard let word = readWord(), let month = TimeStampReader.months[word.lowercased()] else {
      return nil
    }
    if current == "." { index += 1 }
    let (year, end) = readTrailingYear()
    if requireYear && year == nil { return nil }
    return ReadDate(parts: DateParts(year: year, first: month, second: day.value, ordered: true), end: end)
  }

  /// An optional year after a month and day (`, 2023` or ` 2023`): the year, and where the
  /// date ends (after the year, else right after the day and month).
  private mutating func readTrailingYear() -> (Int?, Int) {
    let end = index
    if current == "," { index += 1 }
    skipSpaces()
    if let y = readNumber(), y.digits == 4 { return (y.value, index) }
    index = end
    return (nil, end)
  }

  private mutating func skipOrdinalSuffix() {
    let mark = index
    if let word = readWord(), ["st", "nd", "rd", "th"].contains(word.lowercased()) { return }
    index = mark
  }

  /// After a stamp: closing markup, then one separator (`:`, `-`, `–`, `—`, `|`, `,`,
  /// `:::::`), then spaces; returns where the rest of the line starts.
  mutating func skipSeparator() -> Int {
    // A footnote marker right after the stamp: `2023-03-03[^3]:`.
    if current == "[", peek(1) == "^", let close = chars[index...].prefix(12).firstIndex(of: "]") {
      index = close + 1
    }
    while let c = current, " \t*_`])".contains(c) { index += 1 }
    if let c = current, ":-–—|,.".contains(c) {
      while let d = current, d == c { index += 1 }
    }
    while let c = current, " \t*_`".contains(c) { index += 1 }
    return min(index, chars.count)
  }
}

import Foundation
