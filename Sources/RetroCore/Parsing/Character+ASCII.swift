extension Character {
  /// `isLetter`, answered from the ASCII value when there is one: the Unicode property
  /// lookup behind `isLetter` was the time-stamp scanner's largest cost.
  @inline(__always) var isLetterFast: Bool {
    if let value = asciiValue { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
    return isLetter
  }

  /// `isNumber`, answered from the ASCII value when there is one.
  @inline(__always) var isNumberFast: Bool {
    if let value = asciiValue { return value >= 0x30 && value <= 0x39 }
    return isNumber
  }

  /// The value of an ASCII digit; nil for anything else (other scripts' digits included).
  @inline(__always) var asciiDigit: Int? {
    guard let value = asciiValue, value >= 0x30, value <= 0x39 else { return nil }
    return Int(value - 0x30)
  }
}
