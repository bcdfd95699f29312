import Foundation
import RetroCore
import Testing
@testable import RetroLint

@Suite("Report templates")
struct TemplateTests {
  static let templatesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/new")

  @Test("the embedded templates match templates/new (run scripts/embed-templates.sh)")
  func inSync() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.templatesFolder.path).filter { $0.hasSuffix(".md") }
    #expect(Set(files.map { String($0.dropLast(3)) }) == Set(BuiltInTemplates.all.keys))
    for file in files {
      let text = try String(contentsOf: Self.templatesFolder.appendingPathComponent(file), encoding: .utf8)
      #expect(BuiltInTemplates.all[String(file.dropLast(3))] == text.trimmingSuffixNewline())
    }
  }

  @Test("slugs are safe whatever the title says", arguments: [
    ("Checkout latency spike", "checkout-latency-spike"), ("../../etc/passwd", "etc-passwd"),
    ("Ünïcode — outage!", "unicode-outage"), ("Störung der Datenbank", "storung-der-datenbank"),
    ("Straßenbahn Ærø Łódź", "strassenbahn-aero-lodz"), ("障害", "incident"), ("///", "incident"), ("  ", "incident"),
  ])
  func slug(_ title: String, _ expected: String) {
    #expect(ReportTemplate.slug(title) == expected)
  }

  @Test("a new report from every built-in template has only fill-in findings", arguments: ReportTemplate.builtInNames)
  func lintsClean(_ name: String) throws {
    let template = try ReportTemplate.named(name, userDirectory: nil)
    let text = template.render(
      title: "Login \"outage\"", date: CalendarDate(year: 2024, month: 5, day: 6)!, severity: "SEV2", author: "Ana")
    // A template is an internal retro's: its conventions apply.
    var configuration = LintConfiguration()
    configuration.profile = .internal
    let linter = Linter(configuration: configuration)
    let diagnostics = linter.lint([try linter.context(for: SourceFile(path: "2024-05-06-login.md", text: text))])
    // The template's action item is a placeholder with no owner, ticket or due date (not a
    // fake `@owner TICKET-1` that the index would take for real data), so a draft is told
    // it still lacks them.
    let fillIn: Set<String> = [
      "placeholder_text", "unreadable_time", "impact_not_quantified", "action_item_owner", "action_item_tracking",
    ]
    #expect(Set(diagnostics.map(\.ruleId)).isSubset(of: fillIn), "\(diagnostics.map { "\($0.ruleId) \($0.line)" })")
    #expect(diagnostics.contains { $0.ruleId == "placeholder_text" })
    #expect(diagnostics.contains { $0.ruleId == "action_item_owner" })
    let items = try IncidentParser().parse(text: text, path: "x.md").actionItems
    #expect(items.allSatisfy { $0.owners.isEmpty && $0.tickets.isEmpty && $0.due == nil }, "\(items)")
    let report = try IncidentParser().parse(text: text, path: "x.md")
    #expect(report.title == "Login \"outage\"", "the title reads back as given, quotes and all")
    #expect(report.severity == "SEV2")
  }
}

extension String {
  func trimmingSuffixNewline() -> String {
    hasSuffix("\n") ? String(dropLast()) : self
  }
}
