import ArgumentParser
import Foundation
import RetroCore
import RetroLint

extension Retro {
  /// `retro new`: a new report from a template.
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Start a new report from a template.",
      discussion: CommandHelp.reflow(
        """
        Writes DIR/YYYY-MM-DD-slug.md and never overwrites a file. Built-in templates:
        \(ReportTemplate.builtInNames.joined(separator: ", ")). A folder of your own (--templates,
        or 'templates:' in .retro.yml) overrides them by name.

        Examples:
          retro new "Checkout latency spike"
          retro new "DNS outage" --template atlassian --severity SEV2 --dir retros/
        """))

    @Argument(help: "The incident's title.")
    var title: String

    @Option(help: "The template: \(ReportTemplate.builtInNames.joined(separator: ", ")), or one of your own.")
    var template = "default"

    @Option(help: "The incident's date, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "The severity.")
    var severity = "SEV3"

    @Option(help: "The author (default: git's user.name, else $USER).")
    var author: String?

    @Option(help: "The folder to write into.")
    var dir = "."

    @Option(help: "A folder of your own templates.")
    var templates: String?

    @Option(help: "The configuration file (default: .retro.yml here or in a parent folder).")
    var config: String?

    func validate() throws {
      if let date, CalendarDate(iso: date) == nil {
        throw ValidationError("--date must be a real date as YYYY-MM-DD, not '\(date)'.")
      }
      if title.trimmingWhitespace().isEmpty { throw ValidationError("Give the incident a title.") }
    }

    func run() throws {
      do {
        let settings = try LintConfiguration.from(try ConfigurationFile.load(path: config), knownRules: RuleRegistry.identifiers)
        // The severity must be on the scale `severity_scale` checks, or the new report would
        // fail lint on its first line.
        guard settings.severityScale.contains(where: { SeverityName.key($0) == SeverityName.key(severity) }) else {
          printError(
            "error: --severity '\(severity)' is not on the severity scale (\(settings.severityScale.joined(separator: ", "))); "
              + "use one of those, or set severityScale in .retro.yml")
          throw RetroExit.inputError
        }
        let chosen = try ReportTemplate.named(template, userDirectory: templates ?? settings.templates)
        let day = date.flatMap { CalendarDate(iso: $0) } ?? Self.today()
        let text = chosen.render(title: title, date: day, severity: severity, author: author ?? Self.defaultAuthor())
        // Two incidents of one day may share a name (the same title, or titles with no Latin
        // letter): the later one takes `-2`, `-3`. The write never replaces a file, so a
        // report written meanwhile by another process is never lost either.
        let base = "\(day)-\(ReportTemplate.slug(title))"
        var attempt = 1
        while true {
          let name = attempt == 1 ? base : "\(base)-\(attempt)"
          let path = URL(fileURLWithPath: dir).appendingPathComponent("\(name).md").path
          do {
            try SafeFileWriter.write(text, to: path)
            if attempt > 1 { printError("\(URL(fileURLWithPath: dir).appendingPathComponent("\(base).md").path): note: exists; wrote the new report beside it") }
            Console.line(path)
            break
          } catch let error as InputError where error.message.contains("already exists") && attempt < 100 {
            attempt += 1
          }
        }
      } catch let error as InputError {
        printError(error.description)
        throw RetroExit.inputError
      }
    }

    static func today() -> CalendarDate { CalendarDate.today() }

    static func defaultAuthor() -> String {
      if let name = Git.run(["config", "user.name"])?.trimmingWhitespaceAndNewlines(), !name.isEmpty { return name }
      return ProcessInfo.processInfo.environment["USER"] ?? "TODO"
    }
  }
}
