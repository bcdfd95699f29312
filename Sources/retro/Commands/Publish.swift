import ArgumentParser
import Foundation
import RetroCore
import RetroPublish

extension Retro {
  /// `retro publish`: finished reports to Jekyll or Hugo posts.
  struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Turn finished reports into Jekyll or Hugo blog posts.",
      discussion: CommandHelp.reflow(
        """
        Only reports with status final or published are published, unless --include-drafts.
        The author's front matter is kept and the incident's metadata added; a file retro
        wrote before is replaced, any other file is left alone unless --force.

        Examples:
          retro publish retros/ --to jekyll --out ../blog
          retro publish retros/2019-02-25-fleet.md --to hugo --out site/
        """))

    @OptionGroup var input: InputOptions

    @Option(help: "jekyll or hugo.")
    var to: String

    @Option(help: "The site's folder (posts go to _posts/ or content/posts/ inside it).")
    var out: String

    @Option(help: "A folder of templates overriding the built-in ones by name.")
    var templates: String?

    @Flag(name: .customLong("include-drafts"), help: "Publish reports that are not final or published too.")
    var includeDrafts = false

    @Flag(help: "Replace files retro did not write.")
    var force = false

    func validate() throws {
      guard PostFormat(rawValue: to) != nil else { throw ValidationError("--to must be jekyll or hugo.") }
    }

    func run() throws {
      try Progress.exitingOnPublishErrors {
        let settings = try Settings.load(input.configurationPath)
        let files = try ReportFinder.files(in: input.paths, warn: printError).filter { !settings.lint.isIgnored($0) }
        let set = try PublishTemplates(userDirectory: templates ?? settings.publishSetting("templates"))
        let renderer = PostRenderer(format: PostFormat(rawValue: to) ?? .jekyll, templates: set, internalSections: settings.internalSections)
        var publisher = PostPublisher(renderer: renderer, parser: IncidentParser(configuration: settings.lint.parser), outputDirectory: out)
        publisher.includeDrafts = includeDrafts
        publisher.force = force
        publisher.progress = Progress.reporter()
        let summary = try publisher.publish(files)
        for path in summary.written { Console.line(path) }
        for (source, path) in summary.renamed.sorted(by: { $0.key < $1.key }) {
          printError("\(source): warning: another report's post has the same name; this one is \(path)")
        }
        if let skipped = PublishableStatus.skippedSummary(summary.skippedDrafts) { printError(skipped) }
        for (old, new) in summary.redirected.sorted(by: { $0.key < $1.key }) { printError("\(old): moved to \(new), which redirects from it") }
        if !summary.removed.isEmpty {
          printError("retro: removed \(summary.removed.count) earlier \(summary.removed.count == 1 ? "post" : "posts") no report makes any more: \(summary.removed.prefix(5).joined(separator: ", "))\(summary.removed.count > 5 ? ", …" : "")")
        }
      }
    }
  }
}
