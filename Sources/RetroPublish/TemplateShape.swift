import RetroCore

/// What a Mustache template includes and how deeply its sections nest, read from its text
/// before swift-mustache parses it.
///
/// swift-mustache parses and renders by recursion: a template that includes itself, two
/// that include each other, or thousands of nested sections exhaust the stack (SIGSEGV), and
/// a crash cannot be caught. So the tags are scanned first, with the delimiters a
/// set-delimiter tag chooses, and the bounds are checked on this outline. Syntax errors are
/// left to the parser, which names them better; an unclosed tag ends the scan.
struct TemplateShape {
  /// A partial (`{{> name}}`) or parent (`{{< name}}`) tag, where it is and how many sections
  /// enclose it.
  struct Inclusion {
    var name: String
    var line: Int
    var column: Int
    var depth: Int
  }

  /// Sections nested deeper than this are refused, counting the partials a template includes
  /// (each one level) and their own sections. The built-in templates nest three levels.
  static let maximumDepth = 64

  var inclusions: [Inclusion] = []
  /// The deepest nesting of sections in this template alone.
  var depth = 0

  /// Scans `text`; `origin` names the file in errors.
  init(_ text: String, origin: String) throws {
    let characters = Array(text)
    var (open, close) = (Array("{{"), Array("}}"))
    var (index, line, column) = (0, 1, 1)
    var current = 0

    func matches(_ token: [Character], at position: Int) -> Bool {
      position + token.count <= characters.count && characters[position..<(position + token.count)].elementsEqual(token)
    }
    func advance(to end: Int) {
      while index < end {
        if characters[index].isNewline {
          line += 1
          column = 1
        } else {
          column += 1
        }
        index += 1
      }
    }

    while index < characters.count {
      guard matches(open, at: index) else {
        advance(to: index + 1)
        continue
      }
      let (tagLine, tagColumn) = (line, column)
      let start = index + open.count
      var end = start
      while end < characters.count, !matches(close, at: end) { end += 1 }
      guard end < characters.count else { break }
      let kind = start < end ? characters[start] : " "
      let name = String(characters[min(end, start + 1)..<end]).trimmingWhitespaceAndNewlines()
      func error(_ message: String) -> TemplateError {
        TemplateError(file: origin, line: tagLine, column: tagColumn, message: message)
      }
      switch kind {
      case "#", "^", "$", "<":
        if kind == "<" {
          if name.hasPrefix("*") { throw error("template uses a dynamic parent ('\(name)'); name parents in the template") }
          inclusions.append(Inclusion(name: String(name), line: tagLine, column: tagColumn, depth: current))
        }
        current += 1
        depth = max(depth, current)
        if current > Self.maximumDepth { throw error("template nests sections deeper than \(Self.maximumDepth) levels") }
      case "/":
        current = max(0, current - 1)
      case ">":
        if name.hasPrefix("*") { throw error("template uses a dynamic partial ('\(name)'); name partials in the template") }
        inclusions.append(Inclusion(name: String(name), line: tagLine, column: tagColumn, depth: current))
      case "=":
        // `{{=<% %>=}}`: the delimiters from here on.
        let parts = name.split(separator: "=", omittingEmptySubsequences: false).first?.split(whereSeparator: \.isWhitespace) ?? []
        if parts.count == 2 {
          advance(to: end + close.count)
          (open, close) = (Array(parts[0]), Array(parts[1]))
          continue
        }
      default:
        break
      }
      advance(to: end + close.count)
    }
  }
}
