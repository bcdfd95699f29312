import Foundation

/// The text of one input file, decoded and normalised, with what was odd about it.
///
/// Decoding: a UTF-8 byte-order mark is dropped, invalid bytes become U+FFFD with a
/// warning, CRLF and lone CR become LF (so line numbers match what editors show; a file
/// with old Mac CR line endings reads line by line), a UTF-16 file is refused saying so, and
/// a file with other NUL bytes is refused, since it is almost certainly not a text file.
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
  ///
  /// The file is opened without blocking and checked to be a regular file on the open
  /// descriptor, so a FIFO (which would wait for a writer), a socket or a device is named
  /// for what it is instead of hanging or being read forever.
  public static func load(path: String) throws -> SourceFile {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: throw InputError(path: path, message: "no such file or directory")
      case EACCES, EPERM: throw InputError(path: path, message: "cannot be read (check its permissions)")
      default: throw InputError(path: path, message: "cannot be read (\(String(cString: strerror(errno))))")
      }
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw InputError(path: path, message: "cannot be read (\(String(cString: strerror(errno))))")
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw InputError(path: path, message: "is a directory, not a Markdown file")
    case S_IFIFO: throw InputError(path: path, message: "is not a regular file (a FIFO); retro reads only files")
    case S_IFSOCK: throw InputError(path: path, message: "is not a regular file (a socket); retro reads only files")
    case S_IFCHR, S_IFBLK: throw InputError(path: path, message: "is not a regular file (a device); retro reads only files")
    default: throw InputError(path: path, message: "is not a regular file; retro reads only files")
    }
    let data: Data
    do {
      data = try handle.readToEnd() ?? Data()
    } catch {
      throw InputError(path: path, message: "cannot be read (\(error.localizedDescription))")
    }
    return try decode(data, path: path)
  }

  /// Decodes raw bytes read from `path`.
  public static func decode(_ data: Data, path: String) throws -> SourceFile {
    var bytes = [UInt8](data)
    if let encoding = utf16Encoding(bytes) {
      throw InputError(path: path, message: "is UTF-16 (\(encoding)); save it as UTF-8")
    }
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

  /// How `bytes` are UTF-16, when they are: a byte-order mark (`FF FE`, `FE FF`), or text
  /// whose every other byte is NUL (ASCII saved as UTF-16 without a mark). Windows tools
  /// (PowerShell 5's `>`, Notepad's "Unicode") write such files; told only "NUL bytes", a
  /// user would think it binary.
  static func utf16Encoding(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xFF, 0xFE]) { return "little-endian, byte-order mark FF FE" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "big-endian, byte-order mark FE FF" }
    // Only a file with NUL bytes can be UTF-16 without a mark: the first 512 bytes decide.
    guard bytes.count >= 4, bytes.contains(0) else { return nil }
    let head = bytes.prefix(512 & ~1)
    let pairs = head.count / 2
    var (nulFirst, nulSecond) = (0, 0)
    for pair in 0..<pairs {
      if head[2 * pair] == 0 { nulFirst += 1 }
      if head[2 * pair + 1] == 0 { nulSecond += 1 }
    }
    if nulSecond == pairs && nulFirst == 0 { return "little-endian, no byte-order mark" }
    if nulFirst == pairs && nulSecond == 0 { return "big-endian, no byte-order mark" }
    return nil
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
