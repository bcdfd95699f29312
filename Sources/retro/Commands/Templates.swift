import ArgumentParser
import Foundation
import RetroCore
import RetroPublish

extension Retro {
  /// `retro templates check`: every template parsed and rendered against the examples.
  struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Work with publishing templates.",
      subcommands: [Check.self])

    struct Check: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Parse every template (built-in, overridden by DIR) and render it against reports.",
        discussion: CommandHelp.reflow(
        """
          Errors name the template file, line and column. Exit 0 when every template renders.

          Examples:
            retro templates check
            retro templates check my-templates/ --reports retros/
          """))

      @Argument(help: "A folder of templates overriding the built-in ones.")
      var directory: String?

      @Option(help: "Reports to render the templates with (default: examples/ when present).")
      var reports: String = "examples"

      func run() throws {
        do {
          let set = try PublishTemplates(userDirectory: directory)
          let files = FileManager.default.fileExists(atPath: reports) ? try ReportFinder.files(in: [reports], warn: printError) : []
          let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("retro-templates-\(UUID().uuidString)")
          defer { try? FileManager.default.removeItem(at: scratch) }
          for format in PostFormat.allCases {
            var publisher = PostPublisher(renderer: PostRenderer(format: format, templates: set), parser: IncidentParser(), outputDirectory: scratch.path + "/" + format.rawValue)
            publisher.includeDrafts = true
            _ = try publisher.publish(files)
          }
          var builder = SiteBuilder(templates: set, parser: IncidentParser(), outputDirectory: scratch.path + "/site", asOf: New.today())
          builder.actionRows = []
          let summary = try builder.build(files)
          for name in set.names { Console.line("ok   \(name)  (\(set.origins[name] ?? name))") }
          Console.line("\(set.names.count) templates rendered against \(files.count) reports (\(summary.pages) pages)")
        } catch let error as TemplateError {
          printError(error.description)
          throw RetroExit.findings
        } catch let error as PublishError {
          printError(Progress.describe(error))
          throw RetroExit.findings
        } catch let error as InputError {
          printError(error.description)
          throw RetroExit.inputError
        }
      }
    }
  }
}
