import Foundation
import Testing

@testable import RetroCore

/// The readers of incident records, each on a small export in its tool's format.
@Suite("Timeline sources")
struct TimelineSourceTests {
  static func date(_ text: String) -> Date { ImportJSON.isoInstant(text)! }

  @Test("ISO times with fractions, offsets and Go's nanoseconds; epoch seconds, milliseconds and Slack ts")
  func instants() {
    let nine = Date(timeIntervalSince1970: 1_773_478_800)
    #expect(ImportJSON.isoInstant("2026-03-14T09:00:00Z") == nine)
    #expect(ImportJSON.isoInstant("2026-03-14T10:00:00+01:00") == nine)
    #expect(ImportJSON.isoInstant("2026-03-14 04:00:00 -0500") == nine)
    #expect(ImportJSON.isoInstant("2026-03-14T09:00:00.561000112Z")!.timeIntervalSince(nine) > 0.56)
    #expect(ImportJSON.isoInstant("0001-01-01T00:00:00Z") == nil, "Go's zero time is no time")
    #expect(ImportJSON.isoInstant("14/03/2026 09:00") == nil)
    #expect(ImportJSON.instant(NSNumber(value: 1_773_478_800_000)) == nine)
    #expect(ImportJSON.instant("1773478800.000200")!.timeIntervalSince(nine) < 0.001)
    #expect(TimelineSource.instant("2026-03-14T09:00") == nil, "no zone: the command reads it in the timeline's")
  }

  @Test("a source is named KIND:PATH or read from its shape")
  func kinds() throws {
    #expect(TimelineSource(spec: "pagerduty:log.json") == TimelineSource(kind: .pagerduty, path: "log.json"))
    #expect(TimelineSource(spec: "gh-runs:runs.json").kind == .ghRuns)
    #expect(TimelineSource(spec: "C:/odd/name.json").kind == nil)
    func kind(_ json: String) throws -> TimelineSource.Kind? {
      TimelineSource.kind(of: try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }
    #expect(try kind(#"{"log_entries": [], "more": false}"#) == .pagerduty)
    #expect(try kind(#"{"data": [{"log": "Alert is created", "createdAt": "2026-03-14T09:03:00Z"}]}"#) == .opsgenie)
    #expect(try kind(#"[{"labels": {"alertname": "X"}, "startsAt": "2026-03-14T09:01:00Z"}]"#) == .alertmanager)
    #expect(try kind(#"{"version": "4", "groupKey": "{}", "alerts": []}"#) == .alertmanager)
    #expect(try kind(#"[{"newState": "alerting", "time": 1773478920000}]"#) == .grafana)
    #expect(try kind(#"[{"workflowName": "deploy", "conclusion": "success"}]"#) == .ghRuns)
    #expect(try kind(#"[{"environment": "production", "sha": "a1b2c3d", "created_at": "2026-03-14T08:58:12Z"}]"#) == .ghDeployments)
    #expect(try kind(#"[{"hello": 1}]"#) == nil)
  }

  @Test("PagerDuty: trigger, acknowledgement, note and resolve; notifications left out")
  func pagerDuty() throws {
    let json = try JSONSerialization.jsonObject(with: Data("""
      {"log_entries": [
        {"type": "resolve_log_entry", "summary": "Resolved by Bob.", "created_at": "2026-03-14T09:45:12Z", "incident": {"summary": "[#1] X", "html_url": "https://pd.example/incidents/Q1"}},
        {"type": "annotate_log_entry", "summary": "Note added", "channel": {"type": "note", "summary": "Rolling back"}, "created_at": "2026-03-14T09:15:40Z"},
        {"type": "notify_log_entry", "summary": "Notified Bob", "created_at": "2026-03-14T09:04:26Z"},
        {"type": "trigger_log_entry", "summary": "Triggered through the API.", "created_at": "2026-03-14T09:04:21Z", "incident": {"summary": "[#1] X", "html_url": "https://pd.example/incidents/Q1"}}
      ]}
      """.utf8))
    let events = try PagerDutyLogReader.read(json, path: "pd.json")
    #expect(events.map(\.signal) == [.pageResolved, .message, .page])
    #expect(events[1].text == "Note added: Rolling back")
    #expect(events[2].text == "[#1] X: Triggered through the API.")
    #expect(events[2].link == "https://pd.example/incidents/Q1")
  }

  @Test("Alertmanager: one firing and one resolved event however many payloads repeat the alert")
  func alertmanager() throws {
    let alert = #"{"fingerprint": "f1", "labels": {"alertname": "High5xx", "severity": "page"}, "annotations": {"summary": "5xx above 5%"}, "startsAt": "2026-03-14T09:01:04Z""#
    let json = try JSONSerialization.jsonObject(with: Data("""
      [{"version": "4", "groupKey": "g", "status": "firing", "alerts": [\(alert), "endsAt": "0001-01-01T00:00:00Z", "status": "firing"}]},
       {"version": "4", "groupKey": "g", "status": "firing", "alerts": [\(alert), "endsAt": "0001-01-01T00:00:00Z", "status": "firing"}]},
       {"version": "4", "groupKey": "g", "status": "resolved", "alerts": [\(alert), "endsAt": "2026-03-14T09:40:04Z", "status": "resolved"}]}]
      """.utf8))
    let events = try AlertmanagerReader.read(json, path: "am.json")
    #expect(events.map(\.signal) == [.alertFiring, .alertResolved])
    #expect(events[0].text == "High5xx firing (severity=page): 5xx above 5%")
    #expect(events[1].instant == Self.date("2026-03-14T09:40:04Z"))
  }

  @Test("Slack markup becomes the words Slack shows")
  func slackText() {
    let people = ["U02": "bob"]
    #expect(SlackExportReader.plainText("<@U02> see <https://x.example/88|#88> in <#C1|ops>", people: people) == "@bob see #88 (https://x.example/88) in #ops")
    #expect(SlackExportReader.plainText("<!here> a &lt;b&gt; &amp; c\nnext", people: people) == "@here a <b> & c next")
    #expect(SlackExportReader.plainText("unclosed <tag", people: people) == "unclosed <tag")
  }

  @Test("milestones: the deploy before the first alert, the alert, the first rollback after it, the page resolved")
  func milestones() {
    func event(_ time: String, _ signal: ImportedEventSignal) -> ImportedEvent {
      ImportedEvent(instant: Self.date("2026-03-14T\(time):00Z"), text: time, source: "t", signal: signal)
    }
    let events = [
      event("07:10", .deploy), event("08:58", .deploy), event("09:01", .alertFiring), event("09:04", .page),
      event("09:20", .message), event("09:31", .rollback), event("09:40", .alertResolved), event("09:45", .pageResolved),
    ]
    let guesses = ImportedMilestones.guess(events, known: [])
    #expect(guesses[1]?.kind == .start)
    #expect(guesses[2]?.kind == .detected)
    #expect(guesses[5]?.kind == .mitigated)
    #expect(guesses[7]?.kind == .resolved)
    #expect(guesses.count == 4)
    // What the timeline already has is not guessed again.
    #expect(ImportedMilestones.guess(events, known: [.detected, .resolved]).values.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.mitigated, .start])
    // No deploy within two hours before the alert: no start is guessed; the alert detected it.
    let late = [event("05:00", .deploy), event("09:01", .alertFiring), event("09:04", .page)]
    let lateGuesses = ImportedMilestones.guess(late, known: [])
    #expect(lateGuesses.count == 1 && lateGuesses[1]?.kind == .detected)
    // Chat alone, or pages with no alert: the page detects; messages are never milestones.
    #expect(ImportedMilestones.guess([event("09:00", .message)], known: []).isEmpty)
    #expect(ImportedMilestones.guess([event("09:00", .message), event("09:04", .page)], known: [])[1]?.reason == "the first page")
  }

  @Test("Markdown text from an export reads back as the same words")
  func literal() throws {
    let hostile = "<script>x</script> {{ site.token }} {% raw %} [a](javascript:x) | cell | `code` *em* &amp;\nnext"
    let escaped = MarkdownLiteral.escape(hostile)
    #expect(!escaped.contains("\n"))
    let document = MarkdownDocument(parsing: "- " + escaped + "\n")
    #expect(document.root.plainText.trimmingCharacters(in: .whitespacesAndNewlines) == hostile.replacingOccurrences(of: "\n", with: " "))
  }

  @Test("deploys and rollbacks by whole words: 'ownership' ships nothing")
  func deployWords() {
    #expect(DeployWording.signal("deploy", "Deploy checkout") == .deploy)
    #expect(DeployWording.signal("Release v2.3") == .deploy)
    #expect(DeployWording.signal("Revert \"raise pool\"") == .rollback)
    #expect(DeployWording.signal("Roll back checkout") == .rollback)
    #expect(DeployWording.signal("Check CODEOWNERS ownership") == .build)
    #expect(DeployWording.signal("CI", "Add pool panel") == .build)
  }

  @Test("a silenced or info alert is an event, never the detection")
  func quietAlerts() throws {
    let json = try JSONSerialization.jsonObject(with: Data("""
      [{"labels": {"alertname": "NodeDiskPressure", "severity": "info"}, "startsAt": "2026-03-14T07:10:00Z", "status": {"state": "active"}},
       {"labels": {"alertname": "Watchdog", "severity": "page"}, "startsAt": "2026-03-14T07:12:00Z", "status": {"state": "suppressed"}},
       {"labels": {"alertname": "High5xx", "severity": "page"}, "startsAt": "2026-03-14T09:01:00Z", "status": {"state": "active"}}]
      """.utf8))
    #expect(try AlertmanagerReader.read(json, path: "a.json").map(\.signal) == [.message, .message, .alertFiring])
  }

  @Test("Opsgenie: a note is a note whatever it says; notifications are left out")
  func opsgenie() throws {
    let json = try JSONSerialization.jsonObject(with: Data("""
      {"data": [
        {"log": "Alert is created", "type": "system", "createdAt": "2026-03-14T09:03:00Z"},
        {"log": "Notification is sent to carol", "type": "alertRecipient", "createdAt": "2026-03-14T09:03:02Z"},
        {"log": "pool connections closed by pgbouncer", "type": "note", "owner": "carol", "createdAt": "2026-03-14T09:50:00Z"},
        {"log": "Alert closed via Web", "type": "alertAction", "createdAt": "2026-03-14T09:46:00Z"}]}
      """.utf8))
    #expect(try OpsgenieLogReader.read(json, path: "o.json").map(\.signal) == [.page, .message, .pageResolved])
  }

  @Test("a Slack message of attachments, blocks or a file has their words")
  func slackExtras() {
    #expect(SlackExportReader.extraText(["attachments": [["fallback": "[FIRING:1] High5xx"]]]) == "[FIRING:1] High5xx")
    #expect(SlackExportReader.extraText(["blocks": [["type": "section", "text": ["type": "mrkdwn", "text": "Deploy finished"]]]]) == "Deploy finished")
    #expect(SlackExportReader.extraText(["files": [["name": "graph.png", "title": "error graph"]]]) == "shared a file: error graph")
  }

  @Test("a JSON error names its line, from the reader's character count")
  func jsonLine() {
    let data = Data("{\n  \"a\": 1,\n  \"b\": ]\n}".utf8)
    #expect(ImportJSON.lineNumber(in: "Invalid value around character 19.", data: data) == 3)
    #expect(ImportJSON.reason("Invalid value around character 19.") == "Invalid value")
    #expect(throws: InputError.self) { try ImportJSON.parse(data, path: "x.json") }
  }
}

