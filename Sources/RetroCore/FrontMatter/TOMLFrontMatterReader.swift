/// Reads the TOML that Hugo and Zola put between `+++` lines.
///
/// Covers what front matter uses: `key = value` with bare, quoted and dotted keys; basic,
/// literal and multi-line strings; integers, floats, booleans; dates and times (kept as
/// text); arrays (over several lines too); inline tables; `[table]` and `[[array]]` headers;
/// comments. A syntax error names the line and column. Nesting (arrays, inline tables and the
/// parts of a key together) deeper than `FrontMatterLimits.depth` is refused, so no input can
/// exhaust the stack of this recursive reader.
struct TOMLFrontMatterReader {
  private let path: String
  private let firstLine: Int
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var line = 1
  private var lineStart = 0

  static func read(_ raw: String, path: String, firstLine: Int) throws -> FrontMatterTable {
    var reader = TOMLFrontMatterReader(path: path, firstLine: firstLine, raw: raw)
    do {
      return try reader.document()
    } catch let error as InputError {
      throw error.quoting(raw, firstLine: firstLine)
    }
  }

  private init(path: String, firstLine: Int, raw: String) {
    self.path = path
    self.firstLine = firstLine
    self.scalars = Array(raw.unicodeScalars)
  }

  // MARK: - Document

  private mutating func document() throws -> FrontMatterTable {
    var root = FrontMatterTable()
    var currentPath: [String] = []
    var arrayTable = false
    while true {
      skipTrivia(newlines: true)
      guard let c = peek() else { break }
      if c == "[" {
        advance()
        arrayTable = peek() == "["
        if arrayTable { advance() }
        skipSpaces()
        currentPath = try key()
        // A table's keys sit one level below it, so a header needs a level to spare.
        guard currentPath.count < FrontMatterLimits.depth else { throw tooDeep() }
        skipSpaces()
        try expect("]")
        if arrayTable { try expect("]") }
        try endOfLine()
        if arrayTable {
          var list: [FrontMatterValue] = []
          if case .array(let existing) = value(at: currentPath, in: root) { list = existing }
          list.append(.table(FrontMatterTable()))
          try set(.array(list), at: currentPath, in: &root)
        } else if value(at: currentPath, in: root) == nil {
          try set(.table(FrontMatterTable()), at: currentPath, in: &root)
        }
        continue
      }
      let keyPath = try key()
      skipSpaces()
      try expect("=")
      skipSpaces()
      let parsed = try value(depth: currentPath.count + keyPath.count)
      try endOfLine()
      try set(parsed, at: currentPath + keyPath, in: &root, intoLastArrayElement: arrayTable ? currentPath.count : nil)
    }
    return root
  }

  private func value(at path: [String], in table: FrontMatterTable) -> FrontMatterValue? {
    guard let first = path.first else { return .table(table) }
    guard let next = table[first] else { return nil }
    if path.count == 1 { return next }
    if case .table(let nested) = next { return value(at: Array(path.dropFirst()), in: nested) }
    return nil
  }

  private func set(
    _ value: FrontMatterValue, at path: [String], in table: inout FrontMatterTable,
    intoLastArrayElement arrayDepth: Int? = nil
  ) throws {
    guard let first = path.first else { return }
    if path.count == 1 {
      table[first] = value
      return
    }
    let rest = Array(path.dropFirst())
    if arrayDepth == 1, case .array(var list) = table[first], case .table(var last)? = list.last {
      try set(value, at: rest, in: &last)
      list[list.count - 1] = .table(last)
      table[first] = .array(list)
      return
    }
    var nested = FrontMatterTable()
    switch table[first] {
    case .table(let existing)?: nested = existing
    case nil: break
    default: throw error("key '\(first)' is already a value, not a table")
    }
    try set(value, at: rest, in: &nested, intoLastArrayElement: arrayDepth.map { $0 - 1 })
    table[first] = .table(nested)
  }

  // MARK: - Keys and values

  private mutating func key() throws -> [String] {
    var parts: [String] = []
    repeat {
      skipSpaces()
      guard let c = peek() else { throw error("expected a key") }
      if c == "\"" || c == "'" {
        parts.append(try string())
      } else {
        var bare = ""
        while let c = peek(), c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" {
          bare.unicodeScalars.append(c)
          advance()
        }
        guard !bare.isEmpty else { throw error("expected a key, found '\(c)'") }
        parts.append(bare)
      }
      guard parts.count <= FrontMatterLimits.depth else { throw tooDeep() }
      skipSpaces()
    } while consume(".")
    return parts
  }

  private mutating func value(depth: Int) throws -> FrontMatterValue {
    guard let c = peek() else { throw error("expected a value") }
    guard depth <= FrontMatterLimits.depth else { throw tooDeep() }
    switch c {
    case "\"", "'": return .string(try string())
    case "[":
      advance()
      var items: [FrontMatterValue] = []
      while true {
        skipTrivia(newlines: true)
        if consume("]") { break }
        items.append(try value(depth: depth + 1))
        skipTrivia(newlines: true)
        if consume(",") { continue }
        try expect("]")
        break
      }
      return .array(items)
    case "{":
      advance()
      var table = FrontMatterTable()
      skipSpaces()
      if consume("}") { return .table(table) }
      while true {
        let keyPath = try key()
        try expect("=")
        skipSpaces()
        try set(try value(depth: depth + keyPath.count), at: keyPath, in: &table)
        skipSpaces()
        if consume(",") { continue }
        try expect("}")
        break
      }
      return .table(table)
    default:
      var word = ""
      while let c = peek(), c != ",", c != "]", c != "}", c != "\n", c != "#" {
        word.unicodeScalars.append(c)
        advance()
      }
      word = word.trimmingWhitespace()
      if word == "true" { return .bool(true) }
      if word == "false" { return .bool(false) }
      let digits = word.replacingOccurrences(of: "_", with: "")
      if let int = Int(digits) { return .int(int) }
      if let double = Double(digits), digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
        return .double(double)
      }
      if let first = word.unicodeScalars.first, ("0"..."9").contains(first) {
        return .string(word)  // a date, a time or a date-time: kept as written
      }
      throw error("'\(word)' is not a TOML value (strings need quotes)")
    }
  }

  private mutating func string() throws -> String {
    guard let quote = peek() else { throw error("expected a string") }
    let literal = quote == "'"
    advance()
    let multiline = peek() == quote && peek(1) == quote
    if multiline {
      advance(2)
      if peek() == "\n" { advance() }
    }
    var out = ""
    while true {
      guard let c = peek() else { throw error("string is never closed") }
      if c == quote {
        if !multiline {
          advance()
          return out
        }
        if peek(1) == quote, peek(2) == quote {
          advance(3)
          return out
        }
      }
      if c == "\n" && !multiline { throw error("string is never closed on its line") }
      if c == "\\" && !literal {
        advance()
        guard let escaped = peek() else { throw error("string is never closed") }
        switch escaped {
        case "n": out += "\n"
        case "t": out += "\t"
        case "r": out += "\r"
        case "\"": out += "\""
        case "\\": out += "\\"
        case "u", "U":
          let length = escaped == "u" ? 4 : 8
          var hex = ""
          for offset in 1...length { if let h = peek(offset) { hex.unicodeScalars.append(h) } }
          guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
            throw error("'\\\(escaped)\(hex)' is not a valid escape")
          }
          out.unicodeScalars.append(scalar)
          advance(length)
        case "\n" where multiline:
          while let w = peek(1), w == " " || w == "\n" || w == "\t" { advance() }
        default: throw error("'\\\(escaped)' is not a valid escape")
        }
        advance()
        continue
      }
      out.unicodeScalars.append(c)
      advance()
    }
  }

  // MARK: - Scanning

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  private mutating func advance(_ count: Int = 1) {
    for _ in 0..<count where index < scalars.count {
      if scalars[index] == "\n" {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
  }

  private mutating func consume(_ c: Unicode.Scalar) -> Bool {
    guard peek() == c else { return false }
    advance()
    return true
  }

  private mutating func expect(_ c: Unicode.Scalar) throws {
    skipSpaces()
    guard consume(c) else {
      let found = peek().map { $0 == "\n" ? "end of line" : "'\($0)'" } ?? "end of front matter"
      throw error("expected '\(c)', found \(found)")
    }
  }

  private mutating func skipSpaces() {
    while let c = peek(), c == " " || c == "\t" { advance() }
  }

  private mutating func skipTrivia(newlines: Bool) {
    while let c = peek() {
      if c == " " || c == "\t" || (newlines && c == "\n") {
        advance()
      } else if c == "#" {
        while let d = peek(), d != "\n" { advance() }
      } else {
        break
      }
    }
  }

  private mutating func endOfLine() throws {
    skipTrivia(newlines: false)
    guard peek() == nil || peek() == "\n" else {
      throw error("unexpected '\(peek().map { String($0) } ?? "")' after the value")
    }
  }

  private func tooDeep() -> InputError {
    error("nests deeper than \(FrontMatterLimits.depth) levels")
  }

  private func error(_ message: String) -> InputError {
    InputError(
      path: path, line: line + firstLine - 1, column: index - lineStart + 1,
      message: "front matter is not valid TOML: \(message)")
  }
}

import Foundation
