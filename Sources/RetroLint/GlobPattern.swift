/// Shell-style path patterns for `ignore`: `*` within a path segment, `**` across segments
/// (`**/` is zero or more whole folders), `?` one character. A pattern without `/` matches
/// the file name anywhere. A run of two or more `*` is `**`.
///
/// Matching runs the pattern as a set of positions, one character of the path at a time,
/// so it takes at most pattern length × path length steps and no recursion: a pattern of
/// 200,000 `*` once crashed retro by exhausting the stack. The configuration bounds the
/// length too (`maximumLength`).
struct GlobPattern {
  /// Longer patterns are a configuration error; real ones are a few dozen characters.
  static let maximumLength = 1_000

  private enum Token: Equatable {
    case literal(Character)
    /// `?`: one character but `/`.
    case one
    /// `*`: any run of characters but `/`.
    case star
    /// `**`: any run of characters.
    case globstar
    /// Before `**/`: the folders may be none, so the next `skip` tokens may be passed over.
    case optional(skip: Int)
  }

  let pattern: String
  private let tokens: [Token]

  init(pattern: String) {
    self.pattern = pattern
    var tokens: [Token] = []
    let characters = Array(pattern)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "*" {
        var end = index
        while end < characters.count && characters[end] == "*" { end += 1 }
        if end - index == 1 {
          tokens.append(.star)
        } else if end < characters.count && characters[end] == "/" {
          tokens += [.optional(skip: 2), .globstar, .literal("/")]
          end += 1
        } else {
          tokens.append(.globstar)
        }
        index = end
        continue
      }
      tokens.append(character == "?" ? .one : .literal(character))
      index += 1
    }
    self.tokens = tokens
  }

  func matches(_ path: String) -> Bool {
    var normalized = path
    while normalized.hasPrefix("./") { normalized.removeFirst(2) }
    if !pattern.contains("/") {
      let name = normalized.split(separator: "/").last.map(String.init) ?? normalized
      return match(name)
    }
    return match(normalized)
  }

  /// Runs the tokens over `text` as a set of live positions (position `tokens.count` is the end).
  private func match(_ text: String) -> Bool {
    var live = [Bool](repeating: false, count: tokens.count + 1)
    var next = live
    live[0] = true
    close(&live)
    for character in text {
      for index in next.indices { next[index] = false }
      var any = false
      for index in tokens.indices where live[index] {
        switch tokens[index] {
        case .literal(let expected): if character == expected { next[index + 1] = true; any = true }
        case .one: if character != "/" { next[index + 1] = true; any = true }
        case .star: if character != "/" { next[index] = true; any = true }
        case .globstar: next[index] = true; any = true
        case .optional: break
        }
      }
      guard any else { return false }
      swap(&live, &next)
      close(&live)
    }
    return live[tokens.count]
  }

  /// Adds the positions reachable without reading a character: past a `*` or `**` (which
  /// may match nothing) and over an optional `**/`. Tokens only point forward, so one pass does.
  private func close(_ live: inout [Bool]) {
    for index in tokens.indices where live[index] {
      switch tokens[index] {
      case .star, .globstar: live[index + 1] = true
      case .optional(let skip):
        live[index + 1] = true
        live[index + 1 + skip] = true
      default: break
      }
    }
  }
}
