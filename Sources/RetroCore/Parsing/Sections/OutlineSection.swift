/// A section while the parser works on it: the model's `Section` and the Markdown blocks of
/// its body.
struct OutlineSection {
  var section: Section
  var blocks: [MarkdownNode]
  /// Made from a bold label (`- **Review actions**: ...`, `**Action item:** ...`): its
  /// first paragraph is the text that followed the label.
  var fromBulletLabel = false
  /// One of a run of bold-label bullets (`- **Impact**: …`, `- **Context**: …`).
  var fromLabelRun = false
  /// Links in the heading itself (a tier heading's tracking issue).
  var headingLinks: [String] = []
  /// What the heading's words said, kept for weighing the body against it.
  var classification = HeadingClassification(
    kind: .custom, alsoKinds: [], score: 0, candidates: [], namesOutright: false, configured: false)
}
