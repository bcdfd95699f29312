import Foundation

/// The text of one input file, decoded and normalised, with what was odd about it.
///
/// Decoding: a UTF-8 byte-order mark is dropped, invalid bytes become U+FFFD with a
/// warning, CRLF and lone CR become LF (so line numbers match what editors show), and a
/// file with NUL bytes is refused, since it is almost certainly not a text file.
public struct SourceFile: Sendable {
  /// The path as the user gave it (or `-` for standard input).
  public var path: String
  public var text: String
  public var warnings: [InputWarning]

  public init(path: String, text: String, warnings: [InputWarning] = []) {
    self.path = path
    self.text = text
    self.warnings = warnings
  }

  /// Reads and decodes the file at `path`.
  public static func load(path: String) throws -> SourceFile {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(path: path, message: "no such file or directory")
    }
    if isDirectory.boolValue {
      throw InputError(path: path, message: "is a directory, not a Markdown file")
    }
    guard FileManager.default.isReadableFile(atPath: path),
      let data = FileManager.default.contents(atPath: path)
    else {
      throw InputError(path: path, message: "cannot be read (check its permissions)")
    }
    return try decode(data, path: path)
  }

  /// Decodes raw bytes read from `path`.
  public static func decode(_ data: Data, path: String) throws -> SourceFile {
    var bytes = [UInt8](data)
    if let nul = bytes.firstIndex(of: 0) {
      let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      throw InputError(
        path: path, line: line,
        message: "contains NUL bytes; it looks like a binary file, not Markdown")
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var warnings: [InputWarning] = []
    if let bad = firstInvalidUTF8(bytes) {
      warnings.append(
        InputWarning(
          line: bad.line, column: bad.column,
          message: "invalid UTF-8 bytes were replaced with U+FFFD"))
    }
    var text = String(decoding: bytes, as: UTF8.self)
    if bytes.contains(0x0D) {
      text = text.replacingOccurrences(of: "\r\n", with: "\n")
        .replacingOccurrences(of: "\r", with: "\n")
    }
    return SourceFile(path: path, text: text, warnings: warnings)
  }

  /// The line and byte column of the first byte sequence that is not valid UTF-8.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
    var index = 0
    var line = 1
    var lineStart = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0x0A {
          line += 1
          lineStart = index + 1
        }
        index += 1
        continue
      }
      let length: Int
      let lowest: UInt32
      switch byte {
      case 0xC2...0xDF: (length, lowest) = (2, 0x80)
      case 0xE0...0xEF: (length, lowest) = (3, 0x800)
      case 0xF0...0xF4: (length, lowest) = (4, 0x10000)
      default: return (line, index - lineStart + 1)
      }
      guard index + length <= bytes.count else { return (line, index - lineStart + 1) }
      var scalar = UInt32(byte) & (0xFF >> (length + 1))
      for offset in 1..<length {
        let next = bytes[index + offset]
        guard next & 0xC0 == 0x80 else { return (line, index - lineStart + 1) }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      if scalar < lowest || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
        return (line, index - lineStart + 1)
      }
      index += length
    }
    return nil
  }
}
