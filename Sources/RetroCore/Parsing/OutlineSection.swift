/// A section while the parser works on it: the model's `Section` and the Markdown blocks of
/// its body.
struct OutlineSection {
  var section: Section
  var blocks: [MarkdownNode]
}
