/// A report with the Markdown document and front matter it was read from.
public struct ParsedReport: Sendable {
  public var report: IncidentReport
  public var document: MarkdownDocument
  public var frontMatter: FrontMatter?

  public init(report: IncidentReport, document: MarkdownDocument, frontMatter: FrontMatter?) {
    self.report = report
    self.document = document
    self.frontMatter = frontMatter
  }
}
