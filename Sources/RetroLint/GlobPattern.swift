/// Shell-style path patterns for `ignore`: `*` within a path segment, `**` across segments,
/// `?` one character. A pattern without `/` matches the file name anywhere.
struct GlobPattern {
  let pattern: String

  func matches(_ path: String) -> Bool {
    var normalized = path
    while normalized.hasPrefix("./") { normalized.removeFirst(2) }
    if !pattern.contains("/") {
      let name = normalized.split(separator: "/").last.map(String.init) ?? normalized
      return Self.match(Array(pattern), Array(name))
    }
    return Self.match(Array(pattern), Array(normalized))
  }

  private static func match(_ p: [Character], _ s: [Character]) -> Bool {
    var memo = [Int: Bool]()
    func go(_ i: Int, _ j: Int) -> Bool {
      let key = i * (s.count + 1) + j
      if let known = memo[key] { return known }
      let result: Bool
      if i == p.count {
        result = j == s.count
      } else if p[i] == "*" {
        let doubleStar = i + 1 < p.count && p[i + 1] == "*"
        if doubleStar {
          var next = i + 2
          if next < p.count && p[next] == "/" { next += 1 }
          result = (j...s.count).contains { go(next, $0) }
        } else {
          var k = j
          var found = go(i + 1, k)
          while !found && k < s.count && s[k] != "/" {
            k += 1
            found = go(i + 1, k)
          }
          result = found
        }
      } else if j < s.count && (p[i] == "?" ? s[j] != "/" : p[i] == s[j]) {
        result = go(i + 1, j + 1)
      } else {
        result = false
      }
      memo[key] = result
      return result
    }
    return go(0, 0)
  }
}
