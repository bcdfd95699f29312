import Foundation
import RetroCore

/// `retro publish`: reports to Jekyll or Hugo posts, as a list of named steps
/// (load, filter by status, render, write).
public struct PostPublisher {
  public struct Summary: Sendable, Equatable {
    public var written: [String] = []
    public var skippedDrafts: [String] = []
    /// Reports whose post would have had another's name: source → the path written instead.
    public var renamed: [String: String] = [:]
    /// Earlier posts of reports whose post moved: old → new, the new one redirecting from it.
    public var redirected: [String: String] = [:]
    /// Earlier posts no report makes any more (deleted, renamed or back in draft), removed.
    public var removed: [String] = []
  }

  struct Context {
    var paths: [String]
    var loaded: [(parsed: ParsedReport, text: String)] = []
    var posts: [PublishedPost] = []
    var summary = Summary()
    /// Earlier posts to remove once the new ones are written.
    var stale: [String] = []
  }

  public var renderer: PostRenderer
  public var parser: IncidentParser
  public var outputDirectory: String
  public var includeDrafts = false
  public var force = false
  public var progress: ((String, Int, Int) -> Void)?

  public init(renderer: PostRenderer, parser: IncidentParser, outputDirectory: String) {
    self.renderer = renderer
    self.parser = parser
    self.outputDirectory = outputDirectory
  }

  public func publish(_ paths: [String]) throws -> Summary {
    // In path order, whatever order they were given in, so names are shared out the same.
    var context = Context(paths: Array(Set(paths)).sorted())
    try PublishingStep.run(steps, on: &context)
    return context.summary
  }

  /// The categories an earlier Jekyll post was filed under, which its URL starts with.
  static func categories(ofPostAt relative: String, in output: String) -> [String] {
    guard let text = try? String(contentsOfFile: output + "/" + relative, encoding: .utf8),
      let table = try? FrontMatterSplitter.split(text, path: relative).frontMatter?.values
    else { return ["incidents"] }
    return table["categories"]?.stringList ?? table["category"]?.scalarText.map { [$0] } ?? []
  }

  static func key(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  var steps: [PublishingStep<Context>] {
    [
      PublishingStep("load") { context in
        for (index, path) in context.paths.enumerated() {
          let source = try SourceFile.load(path: path)
          context.loaded.append((try parser.parseDocument(source), source.text))
          progress?("load", index + 1, context.paths.count)
        }
      },
      PublishingStep("filter by status") { context in
        guard !includeDrafts else { return }
        context.loaded = context.loaded.filter { entry in
          let publishable = PublishableStatus.allows(entry.parsed.report.status)
          if !publishable { context.summary.skippedDrafts.append(entry.parsed.report.source) }
          return publishable
        }
      },
      PublishingStep("render") { context in
        context.posts = try context.loaded.map { try renderer.render($0.parsed, sourceText: $0.text) }
        // Two reports with one title (Hugo: any dates; Jekyll: one day) would write one
        // file, the last overwriting the first. The first in path order keeps the name; each
        // other gets the first free `-2`, `-3`, never the name another report has itself.
        var used = Set(context.posts.map(\.relativePath))
        var seen = Set<String>()
        for index in context.posts.indices where !seen.insert(context.posts[index].relativePath).inserted {
          let report = context.loaded[index].parsed.report
          var number = 2
          var candidate = renderer.path(for: report, suffix: "-\(number)")
          while used.contains(candidate) {
            number += 1
            candidate = renderer.path(for: report, suffix: "-\(number)")
          }
          used.insert(candidate)
          context.posts[index].relativePath = candidate
          context.summary.renamed[report.source] = candidate
        }
        context.loaded = []
      },
      PublishingStep("redirect earlier posts") { context in
        // A post retro wrote before at another path: its report's new post redirects from
        // it, and it goes once the new one is written.
        let written = Set(context.posts.map(\.relativePath))
        let folder = renderer.format == .jekyll ? "_posts" : "content/posts"
        let read = Set(context.paths.map(Self.key))
        var index: [String: Int] = [:]
        for (offset, post) in context.posts.enumerated() { index[Self.key(post.source)] = index[Self.key(post.source)] ?? offset }
        var urls: [Int: [String]] = [:]
        for page in EarlierPages.find(in: outputDirectory, folders: [folder], suffix: ".md", marker: PostRenderer.marker, written: written) {
          if let source = page.source, let offset = index[Self.key(source)] {
            if let url = renderer.url(of: page.relativePath, categories: Self.categories(ofPostAt: page.relativePath, in: outputDirectory)) {
              urls[offset, default: []].append(url)
            }
            context.summary.redirected[page.relativePath] = context.posts[offset].relativePath
            context.stale.append(page.relativePath)
          } else if EarlierPages.inScope(page.source, read: read) {
            context.stale.append(page.relativePath)
            context.summary.removed.append(page.relativePath)
          }
        }
        for (offset, list) in urls { context.posts[offset] = renderer.redirecting(context.posts[offset], from: list.sorted()) }
      },
      PublishingStep("write") { context in
        for post in context.posts {
          let destination = try OutputPath.resolve(post.relativePath, in: outputDirectory)
          try OutputPath.checkOwnership(destination, force: force)
          try SafeFileWriter.write(post.text, to: destination, replacing: FileManager.default.fileExists(atPath: destination))
          context.summary.written.append(destination)
        }
        for stale in context.stale {
          try EarlierPages.remove(stale, in: outputDirectory)
          // A Hugo post's folder goes with it when nothing else is in it.
          let folder = (try OutputPath.resolve(stale, in: outputDirectory) as NSString).deletingLastPathComponent
          if stale.hasSuffix("/index.md"), (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
            try? FileManager.default.removeItem(atPath: folder)
          }
        }
      },
    ]
  }
}
