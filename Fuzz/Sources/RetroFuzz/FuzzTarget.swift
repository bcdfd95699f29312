import Foundation
import RetroCore
import RetroLint
import RetroPublish

/// libFuzzer's entry point: arbitrary bytes through decoding, front matter, parsing, every
/// lint rule, the human and CI reporters, both post publishers and the site's page renderer.
///
/// Two modes. `bytes` (the default) feeds the input as the report. `structured`
/// (`RETRO_FUZZ_MODE=structured`) reads the input as the choices that build a report of the
/// right shape (`StructuredReport`), so the run spends its time deep in the parser instead of
/// on inputs that fail early. Either way, a human-readable reporter that lets a raw control
/// character through is a finding (the process traps), like a crash, and so is a post that
/// could evaluate a template or carry script (`PostOracle`). A third mode, `publish`, reads the
/// input as the report and runs only the publish path (report → Jekyll and Hugo post), so the
/// run spends its time there.
private let linter = Linter(configuration: LintConfiguration())
private let templates = try? PublishTemplates()
private let mode = ProcessInfo.processInfo.environment["RETRO_FUZZ_MODE"] ?? "bytes"
private let structured = mode == "structured"
private let publishOnly = mode == "publish"

private func hasRawControl(_ text: String) -> Bool {
  text.unicodeScalars.contains {
    ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F..<0xA0).contains($0.value) || $0 == "\u{202E}"
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var bytes = Data(bytes: data, count: size)
  if structured {
    var report = StructuredReport(Array(bytes))
    bytes = Data(report.build().utf8)
  }
  guard let source = try? SourceFile.decode(bytes, path: "fuzz.md"),
    let context = try? linter.context(for: source)
  else { return 0 }
  if publishOnly {
    publish(context.parsed, source.text)
    return 0
  }
  let diagnostics = linter.lint([context])
  var lines: [String: [Int: Substring]] = [:]
  for d in diagnostics where d.line >= 1 && d.line <= context.sourceLines.count {
    lines[d.path, default: [:]][d.line] = context.sourceLines[d.line - 1]
  }
  for reporter in [TextReporter(color: false) as any Reporter, GitHubReporter(), CheckstyleReporter()] {
    if hasRawControl(reporter.report(diagnostics, fileCount: 1, lines: lines)) {
      fatalError("\(type(of: reporter)) let a raw control character through")
    }
  }
  if templates != nil {
    publish(context.parsed, source.text)
    _ = TimelineChart().render(context.report, title: "fuzz")
    _ = HTMLRenderer().render(context.document.root)
  }
  return 0
}

/// Both posts, each checked by `PostOracle`; a post it rejects traps with what it found.
private func publish(_ parsed: ParsedReport, _ text: String) {
  guard let templates else { return }
  for format in PostFormat.allCases {
    guard let post = try? PostRenderer(format: format, templates: templates).render(parsed, sourceText: text) else { continue }
    if let problem = PostOracle.problem(in: post.text, format: format) {
      fatalError("\(format) post: \(problem)")
    }
  }
}

/// SwiftPM links an executable's entry point as `RetroFuzz_main`; hand control to
/// libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("RetroFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
