import RetroLint

/// How an editor counts characters in a line: LSP's default is UTF-16 code units; a client
/// that offers `utf-8` (Neovim, Helix) gets byte offsets, which is how retro counts.
public enum PositionEncoding: String, Sendable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"

  /// The editor's character offset for a byte column of `line` (a column inside a
  /// character counts from that character's start).
  public func character(ofByteColumn column: Int, in line: Substring) -> Int {
    switch self {
    case .utf8: return min(max(0, column), line.utf8.count)
    case .utf16:
      var bytes = 0
      var units = 0
      for scalar in line.unicodeScalars {
        let width = UTF8.width(scalar)
        if bytes + width > column { break }
        bytes += width
        units += UTF16.width(scalar)
      }
      return units
    }
  }

  /// The byte column for the editor's character offset in `line`.
  public func byteColumn(ofCharacter character: Int, in line: Substring) -> Int {
    switch self {
    case .utf8: return min(max(0, character), line.utf8.count)
    case .utf16:
      var bytes = 0
      var units = 0
      for scalar in line.unicodeScalars {
        let width = UTF16.width(scalar)
        if units + width > character { break }
        units += width
        bytes += UTF8.width(scalar)
      }
      return bytes
    }
  }
}
