/// The metadata block at the top of a Markdown file: YAML between `---` lines (Jekyll,
/// Hugo, most tools) or TOML between `+++` lines (Hugo, Zola).
public struct FrontMatter: Sendable, Equatable {
  public enum Format: String, Sendable, Codable { case yaml, toml }

  public var format: Format
  public var values: FrontMatterTable
  /// The lines the block takes, fences included.
  public var lines: ClosedRange<Int>
  /// The text between the fences, as written.
  public var raw: String

  public init(format: Format, values: FrontMatterTable, lines: ClosedRange<Int>, raw: String) {
    self.format = format
    self.values = values
    self.lines = lines
    self.raw = raw
  }
}
