import RetroCore

/// The file name of each tag's and service's page in the site.
///
/// Names that differ only by case or punctuation (`Foo` and `foo`, `C`, `C#` and `C++`) make
/// the same slug; one file for them all would list only the last one's incidents, and the
/// others' links would lead there. So each name claims a slug when the site first meets it
/// (reports are read in path order, so the same reports share out the same names): the slug
/// itself when free, else the first free `-2`, `-3`.
struct PageNames: Sendable {
  private var slugs: [String: [String: String]] = [:]
  private var taken: [String: Set<String>] = [:]

  /// Gives `name` its slug in `folder`, once.
  mutating func claim(_ name: String, in folder: String) {
    guard slugs[folder]?[name] == nil else { return }
    let base = ReportTemplate.slug(name)
    var slug = base
    var number = 2
    while taken[folder, default: []].contains(slug) {
      slug = "\(base)-\(number)"
      number += 1
    }
    taken[folder, default: []].insert(slug)
    slugs[folder, default: [:]][name] = slug
  }

  /// `tags/c-2.html`: the page of `name` (a name never claimed falls back to its slug).
  func href(_ name: String, in folder: String) -> String {
    "\(folder)/\(slugs[folder]?[name] ?? ReportTemplate.slug(name)).html"
  }
}
