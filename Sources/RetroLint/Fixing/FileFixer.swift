import Foundation
import RetroCore

/// `retro lint --fix` for one file: read the bytes, fix the text, write it back as it was
/// written (byte-order mark and CRLF line endings kept), atomically, and only when the file
/// has not changed since it was read.
public struct FileFixer: Sendable {
  public let fixer: Fixer
  public let only: Set<String>?

  public init(fixer: Fixer, only: Set<String>? = nil) {
    self.fixer = fixer
    self.only = only
  }

  public struct Result: Sendable {
    public var path: String
    public var outcome: Fixer.Outcome?
    /// The bytes to write, when something changed.
    public var output: Data?
    /// The bytes as read.
    public var original: Data?
    public var error: InputError?
  }

  public func fix(path: String) -> Result {
    guard let data = FileManager.default.contents(atPath: path) else {
      return Result(path: path, error: InputError(path: path, message: "cannot be read (check its permissions)"))
    }
    return fix(source: data, path: path)
  }

  public func fix(source data: Data, path: String) -> Result {
    var outcome: Fixer.Outcome?
    var result = Self.rewrite(data, path: path) { text in
      let fixed = try fixer.fix(path: path, text: text, only: only)
      outcome = fixed
      return fixed.changed ? fixed.fixed : nil
    }
    result.outcome = outcome
    return result
  }

  /// The file's bytes after `change` (given the decoded text, returning the new text or nil
  /// for none), encoded as the file was: byte-order mark and CRLF or CR line endings kept. A
  /// file that cannot be written back as it was (bytes that are not UTF-8, mixed line
  /// endings) is an error, as is whatever `change` throws.
  public static func rewrite(_ data: Data, path: String, _ change: (String) throws -> String?) -> Result {
    var result = Result(path: path)
    do {
      result.original = data
      let source = try SourceFile.decode(data, path: path)
      if let warning = source.warnings.first {
        throw InputError(path: path, line: warning.line, message: "not changed: \(warning.message), and writing it back would lose them")
      }
      let bytes = [UInt8](data)
      let returns = bytes.count(where: { $0 == 0x0D })
      let lineFeeds = bytes.count(where: { $0 == 0x0A })
      // Old Mac line endings (CR alone, no LF anywhere) are kept as they were, like CRLF.
      let cr = returns > 0 && lineFeeds == 0
      let crlf = returns > 0 && !cr
      if crlf {
        let pairs = zip(bytes, bytes.dropFirst()).count(where: { $0 == 0x0D && $1 == 0x0A })
        guard pairs == lineFeeds, pairs == returns else {
          throw InputError(path: path, message: "not changed: its lines end in a mix of CRLF, CR and LF")
        }
      }
      if var text = try change(source.text) {
        if crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        if cr { text = text.replacingOccurrences(of: "\n", with: "\r") }
        var output = Data()
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { output.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        output.append(contentsOf: Array(text.utf8))
        result.output = output
      }
    } catch let error as InputError {
      result.error = error
    } catch {
      result.error = InputError(path: path, message: "\(error)")
    }
    return result
  }

  /// Writes a fixed file in place, refusing when it changed on disk since it was read or
  /// this user may not write it; returns the bytes another program appended meanwhile,
  /// kept at the end (`SafeFileWriter.replace`).
  @discardableResult
  public static func write(_ result: Result) throws -> Int {
    guard let output = result.output, let original = result.original else { return 0 }
    // Through a symbolic link to the file it names, which stays a link.
    let target = URL(fileURLWithPath: result.path).resolvingSymlinksInPath().path
    do {
      return try SafeFileWriter.replace(target, expected: original, with: output)
    } catch var error as InputError {
      error.path = result.path
      throw error
    }
  }
}
