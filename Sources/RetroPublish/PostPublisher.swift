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
  }

  struct Context {
    var paths: [String]
    var loaded: [(parsed: ParsedReport, text: String)] = []
    var posts: [PublishedPost] = []
    var summary = Summary()
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
      PublishingStep("write") { context in
        for post in context.posts {
          let destination = try OutputPath.resolve(post.relativePath, in: outputDirectory)
          try OutputPath.checkOwnership(destination, force: force)
          try SafeFileWriter.write(post.text, to: destination, replacing: FileManager.default.fileExists(atPath: destination))
          context.summary.written.append(destination)
        }
      },
    ]
  }
}
