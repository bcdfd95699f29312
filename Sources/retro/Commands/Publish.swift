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

        A post's name is its report's slug: key, else its date and id, else its file name,
        so a new title keeps the URL. A post retro wrote before at another name is removed
        and its new post redirects from the old URL (Hugo aliases; Jekyll redirect_from, for
        the jekyll-redirect-from plugin); the post of a report this run read that is now a
        draft, or that is gone from its folder, is removed.

        --layouts also writes minimal layouts, so a bare 'hugo new site' or an empty Jekyll
        folder renders the posts: a page per post with the timeline drawn from its incident
        data (the partial and shortcode retro-timeline for Hugo, the include
        retro-timeline.html for Jekyll), the index of posts and a stylesheet. The site's own
        files are kept.

        Examples:
          retro publish retros/ --to jekyll --out ../blog
          retro publish retros/2019-02-25-fleet.md --to hugo --out site/ --layouts
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

    @Flag(help: "Write minimal layouts too (page, post with its timeline, index, stylesheet), keeping the site's own.")
    var layouts = false

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
        if layouts {
          let written = try PostLayouts.write(PostFormat(rawValue: to) ?? .jekyll, to: out, force: force)
          for path in written.written { Console.line((out as NSString).appendingPathComponent(path)) }
          for path in written.kept { printError("\((out as NSString).appendingPathComponent(path)): kept the site's own file; retro's layout goes without it") }
        }
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
