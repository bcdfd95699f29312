import Foundation
import RetroCore

/// The findings a folder had when retro was adopted, so that only new ones fail
/// (`retro lint --write-baseline FILE`, then `retro lint --baseline FILE`), as SwiftLint's
/// baseline does.
///
/// A finding is keyed by its file (relative to the baseline's folder), its rule, its message
/// and the text of its line with spaces collapsed, not by its line number: lines moving
/// above it leave it known. Two equal findings in one file are counted, so a third copy of
/// a known problem is new.
public struct LintBaseline: Sendable, Equatable {
  public struct Entry: Sendable, Equatable, Hashable, Codable {
    public var path: String
    public var ruleId: String
    public var message: String
    /// The finding's source line, whitespace collapsed ("" for a finding at no line).
    public var text: String
  }

  public var entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries
  }

  /// What a run's findings are against the baseline.
  public struct Split: Sendable {
    /// Findings the baseline does not hold: these are reported and decide the exit status.
    public var new: [Diagnostic]
    /// Findings the baseline holds.
    public var known: [Diagnostic]
    /// Baseline entries no finding matched any more: fixed since.
    public var gone: Int
  }

  /// The baseline of `diagnostics`, paths made relative to `folder` (where the file goes).
  /// `lines` are the source lines the lint run kept for its findings (`Linter.Run.lines`);
  /// a file is read only for a finding they lack.
  public static func of(_ diagnostics: [Diagnostic], lines known: [String: [Int: Substring]], folder: String) -> LintBaseline {
    var lines = LineCache(known: known)
    let entries = diagnostics.map { entry(for: $0, folder: folder, lines: &lines) }
    return LintBaseline(entries: entries.sorted { ($0.path, $0.ruleId, $0.text, $0.message) < ($1.path, $1.ruleId, $1.text, $1.message) })
  }

  /// Splits `diagnostics` into new and known ones; `folder` is the baseline file's folder,
  /// `lines` as for `of`.
  public func split(_ diagnostics: [Diagnostic], lines known: [String: [Int: Substring]], folder: String) -> Split {
    var remaining: [Entry: Int] = [:]
    for entry in entries { remaining[entry, default: 0] += 1 }
    var lines = LineCache(known: known)
    var new: [Diagnostic] = []
    var known: [Diagnostic] = []
    for diagnostic in diagnostics {
      let key = Self.entry(for: diagnostic, folder: folder, lines: &lines)
      if let count = remaining[key], count > 0 {
        remaining[key] = count - 1
        known.append(diagnostic)
      } else {
        new.append(diagnostic)
      }
    }
    return Split(new: new, known: known, gone: remaining.values.reduce(0, +))
  }

  // MARK: - The file

  private struct File: Codable {
    var version: Int
    var findings: [Entry]
  }

  /// Pretty, sorted JSON, one finding an object, so a baseline diffs well in review.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(File(version: 1, findings: entries))
    data.append(0x0A)
    return data
  }

  /// Reads a baseline file; a clear error names the file when it is not one.
  public static func load(path: String) throws -> LintBaseline {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError(path: path, message: "cannot read the baseline: \(error.localizedDescription)")
    }
    do {
      let file = try JSONDecoder().decode(File.self, from: data)
      guard file.version == 1 else {
        throw InputError(path: path, message: "baseline version \(file.version) is not one this retro reads (1)")
      }
      return LintBaseline(entries: file.findings)
    } catch let error as InputError {
      throw error
    } catch {
      throw InputError(path: path, message: "is not a retro baseline (write one with 'retro lint --write-baseline \(path)')")
    }
  }

  // MARK: - Keys

  private static func entry(for diagnostic: Diagnostic, folder: String, lines: inout LineCache) -> Entry {
    let text = lines.line(diagnostic.line, of: diagnostic.path)
    return Entry(path: relative(diagnostic.path, to: folder), ruleId: diagnostic.ruleId, message: diagnostic.message, text: text)
  }

  /// `path` relative to `folder`, both made absolute first; `/`-separated.
  static func relative(_ path: String, to folder: String) -> String {
    let file = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
    let base = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.pathComponents
    var shared = 0
    while shared < file.count, shared < base.count, file[shared] == base[shared] { shared += 1 }
    let up = Array(repeating: "..", count: base.count - shared)
    return (up + file[shared...]).joined(separator: "/")
  }

  /// A finding's source line: from the lint run, else read from its file (once a file).
  private struct LineCache {
    let known: [String: [Int: Substring]]
    var files: [String: [Substring]] = [:]

    mutating func line(_ number: Int, of path: String) -> String {
      let text: Substring
      if let line = known[path]?[number] {
        text = line
      } else {
        if files[path] == nil {
          let contents = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
          files[path] = contents.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = files[path], number >= 1, number <= lines.count else { return "" }
        text = lines[number - 1]
      }
      return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
  }
}
