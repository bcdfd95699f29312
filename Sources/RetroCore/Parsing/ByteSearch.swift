/// Substring search over bytes, much faster than Foundation's `contains` on `String`.
public enum ByteSearch {
  public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    firstIndex(of: needle, in: haystack, from: 0) != nil
  }

  /// The first offset at or after `start` where `needle` occurs.
  public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first else { return start }
    guard needle.count <= haystack.count else { return nil }
    let last = haystack.count - needle.count
    var index = start
    while index <= last {
      if haystack[index] == first {
        var matched = true
        var offset = 1
        while offset < needle.count {
          if haystack[index + offset] != needle[offset] {
            matched = false
            break
          }
          offset += 1
        }
        if matched { return index }
      }
      index += 1
    }
    return nil
  }

  /// ASCII lowercase of UTF-8 bytes (other bytes unchanged): byte offsets stay the same.
  public static func lowercasedASCII(_ text: some StringProtocol) -> [UInt8] { lowered(text) }

  /// `lowercasedASCII` for strings and line slices, specialised here for callers in other
  /// modules.
  public static func lowercasedASCII(_ text: String) -> [UInt8] { lowered(text) }
  public static func lowercasedASCII(_ text: Substring) -> [UInt8] { lowered(text) }

  private static func lowered(_ text: some StringProtocol) -> [UInt8] {
    text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
  }
}
