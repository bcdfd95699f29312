import Foundation
import Testing

@testable import RetroPublish

/// The templates and layouts compiled into retro are the files in templates/ (run
/// scripts/embed-templates.sh after editing them).
@Suite("Embedded publishing templates and layouts")
struct EmbeddedTemplateTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("templates")

  static func files(under folder: String) throws -> [String: String] {
    let base = root.appendingPathComponent(folder)
    var files: [String: String] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: base.path) {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
      var text = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
      if text.hasSuffix("\n") { text.removeLast() }
      files[path] = text
    }
    return files
  }

  @Test("BuiltInLayouts holds templates/layouts")
  func layouts() throws {
    #expect(try Self.files(under: "layouts") == BuiltInLayouts.all)
  }

  @Test("BuiltInPublishTemplates holds templates/publish")
  func publishTemplates() throws {
    let files = try Self.files(under: "publish")
    #expect(Dictionary(uniqueKeysWithValues: files.map { (String($0.key.dropLast(".mustache".count)), $0.value) }) == BuiltInPublishTemplates.all)
  }

  @Test("every layout a format needs is written, each with retro's marker")
  func markers() {
    for format in PostFormat.allCases {
      let files = PostLayouts.files(for: format)
      #expect(files.count >= 5)
      for file in files { #expect(BuiltInLayouts.all[file.template]?.prefix(4096).contains(PostRenderer.marker) == true, "\(file.template)") }
    }
  }
}
