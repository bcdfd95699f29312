import Foundation
import RetroCore
import RetroLint
import RetroPublish

/// libFuzzer's entry point: arbitrary bytes through decoding, front matter, parsing, every
/// lint rule, both post publishers and the site's page renderer.
private let linter = Linter(configuration: LintConfiguration())
private let templates = try? PublishTemplates()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(bytes: data, count: size)
  guard let source = try? SourceFile.decode(bytes, path: "fuzz.md"),
    let context = try? linter.context(for: source)
  else { return 0 }
  _ = linter.lint([context])
  if let templates {
    for format in PostFormat.allCases {
      _ = try? PostRenderer(format: format, templates: templates).render(context.parsed, sourceText: source.text)
    }
    _ = TimelineChart().render(context.report, title: "fuzz")
    _ = HTMLRenderer().render(context.document.root)
  }
  return 0
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
