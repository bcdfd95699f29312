import Foundation
import RetroCore

/// `retro publish`: reports to Jekyll or Hugo posts, as a list of named steps
/// (load, filter by status, render, write).
public struct PostPublisher {
  public struct Summary: Sendable, Equatable {
    public var written: [String] = []
    public var skippedDrafts: [String] = []
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
    var context = Context(paths: paths)
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
          let publishable = ["final", "published"].contains(entry.parsed.report.status ?? "")
          if !publishable { context.summary.skippedDrafts.append(entry.parsed.report.source) }
          return publishable
        }
      },
      PublishingStep("render") { context in
        context.posts = try context.loaded.map { try renderer.render($0.parsed, sourceText: $0.text) }
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
