/// The structured mode of the fuzzer: the input bytes are not the report but the choices
/// that build one, so every run is a report of the right shape (front matter in YAML or TOML
/// with nesting and aliases, canonical and odd headings, timelines in every time format,
/// action items with owners, dates and tickets, nested lists, quotes, tables, fences, HTML),
/// with hostile text spliced in: control characters, escape sequences, bidi overrides, deep
/// nesting. libFuzzer's coverage guidance still works: a mutated byte is a different choice.
struct StructuredReport {
  private var bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The next choice in `0..<count`, or 0 once the input is used up.
  private mutating func choose(_ count: Int) -> Int {
    guard position < bytes.count, count > 1 else { return 0 }
    defer { position += 1 }
    return Int(bytes[position]) % count
  }

  private mutating func pick(_ options: [String]) -> String {
    options[choose(options.count)]
  }

  private var exhausted: Bool { position >= bytes.count }

  static let hostile = [
    "\u{1B}[2K", "\u{1B}[1A", "\u{1B}[8m", "\u{1B}]0;title\u{07}", "\u{1B}]8;;https://x\u{1B}\\", "\u{9B}31m",
    "\u{202E}", "\u{2066}", "\r", "\u{08}", "\u{7F}", "\t", "\u{FEFF}", "\u{FFFD}", "%0A", "::error::x", "{{x}}",
    "<script>x</script>", "](javascript:x)", "\\", "`", "|", "*", "_", "[", "]", "#", ">", "- ", "1. ", "@", "\u{0301}",
  ]

  /// A short run of text, now and then with something hostile in it.
  private mutating func text() -> String {
    var out = pick(["the pool", "api", "Added alert", "Fix it", "db-01", "We", "page", "retries", "", "x"])
    for _ in 0..<choose(4) {
      out += choose(3) == 0 ? Self.hostile[choose(Self.hostile.count)] : " " + pick(["ran dry", "on-call", "OPS-412", "#12", "due", "UTC", "p1"])
    }
    return out
  }

  private mutating func time() -> String {
    pick([
      "10:00", "10:05 UTC", "2024-03-01 10:00", "2024-03-01T10:00:00Z", "9:15 AM PST", "12:01 PM", "1:05", "22:XX", "25:61",
      "Mar 1, 10:00", "T+5m", "**10:00**", "`10:00`", "[10:00]", "10h00", "Day 2 03:00", "00:00:00.000",
    ])
  }

  private mutating func yamlValue(_ depth: Int) -> String {
    switch choose(depth > 3 ? 4 : 7) {
    case 0: return "\"" + text().replacingOccurrences(of: "\"", with: "'") + "\""
    case 1: return pick(["2024-03-01", "01/03/2024", "March 1, 2024", "2024-13-45", "null", "~", "yes", "3", "1e400"])
    case 2: return "*a\(choose(3))"
    case 3: return text()
    case 4: return "[" + (0..<choose(4)).map { _ in yamlValue(depth + 1) }.joined(separator: ", ") + "]"
    case 5: return "{k: " + yamlValue(depth + 1) + "}"
    default: return "&a\(choose(3)) [" + yamlValue(depth + 1) + ", " + yamlValue(depth + 1) + "]"
    }
  }

  private mutating func tomlValue(_ depth: Int) -> String {
    switch choose(depth > 3 ? 4 : 6) {
    case 0: return "\"" + text().replacingOccurrences(of: "\"", with: "\\\"") + "\""
    case 1: return pick(["2024-03-01", "2024-03-01T10:00:00Z", "true", "3", "1_000", "0x1F", "inf", "'lit'", "\"\"\"a\nb\"\"\""])
    case 2: return "'" + text().replacingOccurrences(of: "'", with: "") + "'"
    case 3: return text()
    case 4: return "[" + (0..<choose(4)).map { _ in tomlValue(depth + 1) }.joined(separator: ", ") + "]"
    default: return "{ k = " + tomlValue(depth + 1) + " }"
    }
  }

  private mutating func frontMatter() -> String {
    let keys = ["title", "date", "severity", "status", "authors", "services", "tags", "timezone", "published", "incident", "x"]
    switch choose(4) {
    case 0: return ""
    case 1:
      var out = "+++\n"
      for _ in 0..<choose(8) { out += pick(keys) + " = " + tomlValue(0) + "\n" }
      if choose(3) == 0 { out += "[" + pick(["extra", "a.b", "[arr]"]) + "]\n" + pick(keys) + " = " + tomlValue(0) + "\n" }
      return out + (choose(8) == 0 ? "" : "+++\n")
    default:
      var out = "---\n"
      for _ in 0..<choose(8) { out += pick(keys) + ": " + yamlValue(0) + "\n" }
      return out + (choose(8) == 0 ? "" : "---\n")
    }
  }

  private mutating func heading() -> String {
    String(repeating: "#", count: 1 + choose(4)) + " "
      + pick([
        "Summary", "Impact", "Root cause", "Root causes and trigger", "Trigger", "Detection", "Resolution", "Timeline",
        "Timeline (UTC)", "Lessons learned", "What went well", "What went wrong", "Where we got lucky", "Action items",
        "Follow-ups", "Remediation", "Notes", "Appendix", "10:00 UTC", "Context", text(),
      ])
  }

  private mutating func block() -> String {
    switch choose(12) {
    case 0: return heading() + "\n\n"
    case 1: return (0..<1 + choose(5)).map { _ in "- " + time() + " " + text() + "\n" }.joined() + "\n"
    case 2:
      return (0..<1 + choose(5)).map { _ in
        pick(["- [ ] ", "- [x] ", "* [] ", "1. ", "- "]) + text() + pick([" @alice", " (OWNER)", " due 2024-04-01", " OPS-1", " (DONE)", ""]) + "\n"
      }.joined() + "\n"
    case 3: return "| Time | Event |\n| --- | --- |\n" + (0..<choose(4)).map { _ in "| " + time() + " | " + text() + " |\n" }.joined() + "\n"
    case 4: return "```\n" + time() + " " + text() + "\n" + (choose(4) == 0 ? "" : "```\n") + "\n"
    case 5: return String(repeating: pick([">", "- ", "> - ", "1. ", "  "]), count: choose(4) == 0 ? 200 + choose(200) * 50 : choose(6)) + text() + "\n\n"
    case 6: return "**" + pick(["Impact:", "Owner:", "Root cause", "Summary"]) + "** " + text() + "\n\n"
    case 7: return "<" + pick(["details", "div", "script", "!--"]) + ">" + text() + "\n\n"
    case 8: return "    " + time() + " " + text() + "\n\n"
    case 9: return time() + "\n" + text() + "\n\n"
    case 10: return "[" + text() + "](" + pick(["http://x", "javascript:alert(1)", "", "<a b>", "#t"]) + ")\n\n"
    default: return text() + "\n\n"
    }
  }

  /// The report the input's choices build.
  mutating func build() -> String {
    var out = frontMatter()
    if choose(2) == 0 { out += "# " + text() + "\n\n" }
    var blocks = 0
    while !exhausted && blocks < 400 {
      out += block()
      blocks += 1
    }
    return out
  }
}
