/// A document cut into sections: what came before the first section, the title heading if
/// there was one, and the sections in order.
struct Outline {
  var title: String?
  var titleLine: Int?
  var preamble: [MarkdownNode] = []
  var sections: [OutlineSection] = []
  /// True when the document has no Markdown headings at all (pasted plain text).
  var isPlainText = false
}
