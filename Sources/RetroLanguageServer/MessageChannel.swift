import Foundation

/// The base protocol's framing over a pair of file descriptors: each message is a
/// `Content-Length: N` header block, an empty line, then N bytes of JSON.
public final class MessageChannel: @unchecked Sendable {
  public enum ReadError: Error, Equatable, CustomStringConvertible {
    case badHeader(String)
    case tooLarge(Int)

    public var description: String {
      switch self {
      case .badHeader(let line): return "bad header '\(line)'"
      case .tooLarge(let length): return "a message of \(length) bytes is larger than the limit"
      }
    }
  }

  /// A message larger than this is refused (a report is kilobytes; this is 64 MiB).
  static let maximumLength = 64 << 20

  private let input: Int32
  private let output: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  private let writeLock = NSLock()

  public init(input: Int32, output: Int32) {
    self.input = input
    self.output = output
  }

  /// The next message's bytes, or nil at the end of input.
  public func read() throws -> Data? {
    var length: Int?
    while true {
      guard let line = try readLine() else { return nil }
      if line.isEmpty {
        if let length { return try readBody(length) }
        continue  // stray blank lines between messages
      }
      guard let colon = line.firstIndex(of: ":") else { throw ReadError.badHeader(line) }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if name == "content-length" {
        guard let number = Int(value), number >= 0 else { throw ReadError.badHeader(line) }
        guard number <= Self.maximumLength else { throw ReadError.tooLarge(number) }
        length = number
      }
    }
  }

  /// Writes one message; safe from any thread.
  public func write(_ body: Data) {
    var frame = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
    frame.append(body)
    writeLock.lock()
    defer { writeLock.unlock() }
    frame.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Foundation.write(output, raw.baseAddress! + offset, raw.count - offset)
        if written <= 0 {
          if written < 0 && errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
  }

  private func fill() -> Bool {
    if atEnd { return false }
    if start > 0 && start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = Foundation.read(input, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        atEnd = true
        return false
      }
      buffer += chunk[0..<count]
      return true
    }
  }

  private func readLine() throws -> String? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        var end = newline
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = newline + 1
        return line
      }
      if buffer.count - start > 8192 { throw ReadError.badHeader(String(decoding: buffer[start..<start + 40], as: UTF8.self)) }
      guard fill() else { return nil }
    }
  }

  private func readBody(_ length: Int) throws -> Data? {
    while buffer.count - start < length {
      guard fill() else { return nil }
    }
    let body = Data(buffer[start..<start + length])
    start += length
    if start > 1 << 20 {
      buffer.removeFirst(start)
      start = 0
    }
    return body
  }
}
