/// `<!-- retro-disable rule_id -->`, `<!-- retro-enable rule_id -->`,
/// `<!-- retro-disable-next-line rule_id -->`, `<!-- retro-disable-line rule_id -->` and
/// `<!-- retro-disable-file rule_id -->` comments in a report. `all` (or no id) means every
/// rule. Several ids may follow one command, separated by spaces or commas.
///
/// Each directive is kept with its line, so the linter can tell which ones turned off a
/// finding (`suppresses` records it) and report the rest (`superfluous_directive`), and
/// `invalid_directive` can name a misspelled command or rule id.
struct InlineDirectives {
  /// The commands retro knows, as written after `<!--`.
  static let commands = ["retro-disable", "retro-enable", "retro-disable-next-line", "retro-disable-line", "retro-disable-file"]

  struct Directive {
    /// The comment's line (1-based).
    var line: Int
    var command: String
    /// The ids as written (`all` when none was).
    var ids: [String]
    /// True when the command is not one of `commands` (a `retro-…` word retro does not know).
    var isUnknownCommand: Bool { !InlineDirectives.commands.contains(command) }
  }

  /// One id's span of lines turned off, and the directive that did it.
  private struct Span {
    var lines: ClosedRange<Int>
    var directive: Int
  }

  private(set) var directives: [Directive] = []
  private var spans: [String: [Span]] = [:]
  private struct Use: Hashable {
    var directive: Int
    var id: String
  }
  /// (directive, id) pairs that turned off at least one finding.
  private var used: Set<Use> = []

  init(lines: [Substring]) {
    var openSince: [String: (line: Int, directive: Int)] = [:]
    for (offset, line) in lines.enumerated() {
      // Most lines have no `<`; only those go through the string search.
      guard line.utf8.contains(0x3C), let open = line.range(of: "<!--"), let close = line.range(of: "-->", range: open.upperBound..<line.endIndex)
      else { continue }
      let words = line[open.upperBound..<close.lowerBound].split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
      guard let command = words.first, command.hasPrefix("retro-") else { continue }
      let ids = words.dropFirst().map(String.init)
      let number = offset + 1
      let index = directives.count
      directives.append(Directive(line: number, command: String(command), ids: ids.isEmpty ? ["all"] : ids))
      let targets = directives[index].ids
      switch command {
      case "retro-disable":
        for id in targets where openSince[id] == nil { openSince[id] = (number, index) }
      case "retro-enable":
        for id in targets {
          if let start = openSince.removeValue(forKey: id) { spans[id, default: []].append(Span(lines: start.line...number, directive: start.directive)) }
        }
      case "retro-disable-next-line":
        for id in targets { spans[id, default: []].append(Span(lines: (number + 1)...(number + 1), directive: index)) }
      case "retro-disable-line":
        for id in targets { spans[id, default: []].append(Span(lines: number...number, directive: index)) }
      case "retro-disable-file":
        for id in targets { spans[id, default: []].append(Span(lines: 1...Int.max, directive: index)) }
      default:
        continue
      }
    }
    for (id, start) in openSince { spans[id, default: []].append(Span(lines: start.line...Int.max, directive: start.directive)) }
  }

  var isEmpty: Bool { directives.isEmpty }

  /// Whether a comment turns `ruleId` off at `line`; every directive that does is recorded
  /// as used.
  mutating func suppresses(_ ruleId: String, line: Int) -> Bool {
    var suppressed = false
    for id in [ruleId, "all"] {
      for span in spans[id] ?? [] where span.lines.contains(line) {
        used.insert(Use(directive: span.directive, id: id))
        suppressed = true
      }
    }
    return suppressed
  }

  /// Whether the directive at `index` turned off a finding of `id`.
  func wasUsed(_ index: Int, id: String) -> Bool { used.contains(Use(directive: index, id: id)) }
}
