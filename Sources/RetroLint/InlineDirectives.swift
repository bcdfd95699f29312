/// `<!-- retro-disable rule_id -->`, `<!-- retro-enable rule_id -->` and
/// `<!-- retro-disable-next-line rule_id -->` comments in a report. `all` (or no id) means
/// every rule.
struct InlineDirectives {
  private var disabledRanges: [String: [ClosedRange<Int>]] = [:]
  private var disabledLines: [String: Set<Int>] = [:]

  init(lines: [Substring]) {
    var openSince: [String: Int] = [:]
    for (offset, line) in lines.enumerated() {
      // Most lines have no `<`; only those go through the string search.
      guard line.utf8.contains(0x3C), let open = line.range(of: "<!--"), let close = line.range(of: "-->", range: open.upperBound..<line.endIndex)
      else { continue }
      let words = line[open.upperBound..<close.lowerBound].split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
      guard let command = words.first else { continue }
      let ids = words.dropFirst().map(String.init)
      let targets = ids.isEmpty ? ["all"] : ids
      let number = offset + 1
      switch command {
      case "retro-disable":
        for id in targets where openSince[id] == nil { openSince[id] = number }
      case "retro-enable":
        for id in targets {
          if let start = openSince.removeValue(forKey: id) { disabledRanges[id, default: []].append(start...number) }
        }
      case "retro-disable-next-line":
        for id in targets { disabledLines[id, default: []].insert(number + 1) }
      case "retro-disable-line":
        for id in targets { disabledLines[id, default: []].insert(number) }
      default:
        continue
      }
    }
    for (id, start) in openSince { disabledRanges[id, default: []].append(start...Int.max) }
  }

  func isDisabled(_ ruleId: String, line: Int) -> Bool {
    for id in [ruleId, "all"] {
      if disabledLines[id]?.contains(line) == true { return true }
      if disabledRanges[id]?.contains(where: { $0.contains(line) }) == true { return true }
    }
    return false
  }
}
