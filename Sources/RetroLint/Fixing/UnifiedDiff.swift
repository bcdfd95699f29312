/// A unified diff of two texts by lines (Myers' algorithm), as `diff -u` prints it, for
/// `retro lint --fix --dry-run`.
public enum UnifiedDiff {
  private enum Step { case same(Int, Int), removed(Int), added(Int) }

  public static func diff(_ old: String, _ new: String, oldName: String, newName: String, context: Int = 3) -> String {
    let a = lines(old)
    let b = lines(new)
    let steps = script(a, b)
    guard steps.contains(where: { if case .same = $0 { return false } else { return true } }) else { return "" }
    var output = "--- \(oldName)\n+++ \(newName)\n"
    // Hunks: runs of changes with up to `context` equal lines around them, joined when close.
    var index = 0
    while index < steps.count {
      guard let change = steps[index...].firstIndex(where: { if case .same = $0 { return false } else { return true } })
      else { break }
      var start = max(index, change - context)
      if start < index { start = index }
      var end = change
      var sameRun = 0
      var cursor = change
      while cursor < steps.count {
        if case .same = steps[cursor] {
          sameRun += 1
          if sameRun > 2 * context { break }
        } else {
          sameRun = 0
          end = cursor
        }
        cursor += 1
      }
      let stop = min(steps.count, end + context + 1)
      var oldStart = 0, newStart = 0, oldCount = 0, newCount = 0
      var body = ""
      for step in steps[start..<stop] {
        switch step {
        case .same(let i, let j):
          if oldCount == 0 && newCount == 0 { (oldStart, newStart) = (i + 1, j + 1) }
          oldCount += 1
          newCount += 1
          body += " " + a[i] + "\n"
        case .removed(let i):
          if oldCount == 0 && newCount == 0 { (oldStart, newStart) = (i + 1, position(in: steps, before: start, old: false) + 1) }
          oldCount += 1
          body += "-" + a[i] + "\n"
        case .added(let j):
          if oldCount == 0 && newCount == 0 { (oldStart, newStart) = (position(in: steps, before: start, old: true) + 1, j + 1) }
          newCount += 1
          body += "+" + b[j] + "\n"
        }
      }
      // `diff -u` gives an empty side the line before it.
      output += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n" + body
      index = stop
    }
    return output
  }

  /// How many lines of one side come before step `index`.
  private static func position(in steps: [Step], before index: Int, old: Bool) -> Int {
    var count = 0
    for step in steps[..<index] {
      switch step {
      case .same: count += 1
      case .removed: if old { count += 1 }
      case .added: if !old { count += 1 }
      }
    }
    return count
  }

  private static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Myers' O((N+M)·D) shortest edit script.
  private static func script(_ a: [String], _ b: [String]) -> [Step] {
    let n = a.count, m = b.count
    let maximum = n + m
    var v = [Int](repeating: 0, count: 2 * maximum + 2)
    var trace: [[Int]] = []
    outer: for d in 0...maximum {
      trace.append(v)
      for k in stride(from: -d, through: d, by: 2) {
        var x: Int
        if k == -d || (k != d && v[maximum + k - 1] < v[maximum + k + 1]) {
          x = v[maximum + k + 1]
        } else {
          x = v[maximum + k - 1] + 1
        }
        var y = x - k
        while x < n, y < m, a[x] == b[y] {
          x += 1
          y += 1
        }
        v[maximum + k] = x
        if x >= n && y >= m { break outer }
      }
    }
    // Walk back through the saved frontiers.
    var steps: [Step] = []
    var x = n, y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let v = trace[d]
      let k = x - y
      let previousK: Int
      if k == -d || (k != d && v[maximum + k - 1] < v[maximum + k + 1]) {
        previousK = k + 1
      } else {
        previousK = k - 1
      }
      let previousX = d == 0 ? 0 : v[maximum + previousK]
      let previousY = previousX - previousK
      while x > previousX && y > previousY {
        x -= 1
        y -= 1
        steps.append(.same(x, y))
      }
      if d > 0 {
        if x == previousX {
          y -= 1
          steps.append(.added(y))
        } else {
          x -= 1
          steps.append(.removed(x))
        }
      }
    }
    return steps.reversed()
  }
}
