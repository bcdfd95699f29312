import Foundation
import RetroLint

/// A report open in the editor: its text as the editor has it (not as on disk), kept whole
/// and split into lines for position conversions.
public struct OpenDocument: Sendable {
  public var uri: String
  public var version: Int
  public private(set) var text: String
  public private(set) var lines: [Substring]

  public init(uri: String, version: Int, text: String) {
    self.uri = uri
    self.version = version
    self.text = text
    self.lines = Self.split(text)
  }

  /// The file path for a `file:` URI; other schemes (`untitled:`) get their last part.
  public var path: String { Self.path(of: uri) }

  public static func path(of uri: String) -> String {
    if let url = URL(string: uri), url.isFileURL { return url.path }
    return uri.split(separator: "/").last.map(String.init) ?? uri
  }

  public static func uri(of path: String) -> String { URL(fileURLWithPath: path).absoluteString }

  private static func split(_ text: String) -> [Substring] {
    // By bytes: to String, CRLF is one character, so splitting on "\n" would miss it.
    text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { (bytes: Substring.UTF8View) -> Substring in
      Substring(bytes.last == 0x0D ? bytes.dropLast() : bytes)
    }
  }

  public mutating func replace(with text: String, version: Int) {
    self.text = text
    self.lines = Self.split(text)
    self.version = version
  }

  /// The line (1-based), or an empty one past the end.
  public func line(_ number: Int) -> Substring {
    number >= 1 && number <= lines.count ? lines[number - 1] : ""
  }

  /// An LSP position for a 1-based line and byte column.
  public func lspPosition(_ position: TextEdit.Position, encoding: PositionEncoding) -> JSON {
    if position.line > lines.count {
      let last = lines.count
      return ["line": JSON(max(0, last - 1)), "character": JSON(encoding.character(ofByteColumn: Int.max, in: line(last)))]
    }
    let line = max(1, position.line)
    return ["line": JSON(line - 1), "character": JSON(encoding.character(ofByteColumn: position.column, in: self.line(line)))]
  }

  /// The 1-based line and byte column of an LSP position.
  public func position(_ json: JSON?, encoding: PositionEncoding) -> TextEdit.Position? {
    guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else { return nil }
    return TextEdit.Position(line: line + 1, column: encoding.byteColumn(ofCharacter: character, in: self.line(line + 1)))
  }

  public func lspRange(_ start: TextEdit.Position, _ end: TextEdit.Position, encoding: PositionEncoding) -> JSON {
    ["start": lspPosition(start, encoding: encoding), "end": lspPosition(end, encoding: encoding)]
  }

  /// An LSP text edit for one of retro's.
  public func lspEdit(_ edit: TextEdit, encoding: PositionEncoding) -> JSON {
    ["range": lspRange(edit.start, edit.end, encoding: encoding), "newText": .string(edit.replacement)]
  }

  /// Applies one `contentChanges` entry of `didChange`: a range and its new text, or the
  /// whole text when there is no range.
  public mutating func apply(change: JSON, encoding: PositionEncoding) throws {
    guard let newText = change["text"]?.string else { throw LanguageServerError.invalidParams("a change without text") }
    guard let range = change["range"] else {
      replace(with: newText, version: version)
      return
    }
    guard let start = position(range["start"], encoding: encoding), let end = position(range["end"], encoding: encoding) else {
      throw LanguageServerError.invalidParams("a change with a bad range")
    }
    let edited = try EditedText.applying([TextEdit(start: start, end: end, replacement: newText)], to: text)
    replace(with: edited, version: version)
  }
}
