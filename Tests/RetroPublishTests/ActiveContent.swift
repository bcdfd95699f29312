/// Finds what could run in a page: script-capable elements, event-handler attributes and
/// script or data URLs in attributes. Only real tags count (escaped text has no `<`).
enum ActiveContent {
  static let elements: Set<String> = ["script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form", "meta http-equiv=\"refresh\""]

  static func find(in html: String) -> [String] {
    var problems: [String] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      guard let close = rest[open...].firstIndex(of: ">") else { break }
      let tag = rest[rest.index(after: open)..<close].lowercased()
      rest = rest[rest.index(after: close)...]
      if tag.hasPrefix("!") || tag.hasPrefix("/") || tag.hasPrefix("?") { continue }
      let name = String(tag.prefix(while: { $0.isLetter || $0.isNumber }))
      if elements.contains(name) { problems.append("<\(tag)>") }
      let words = tag.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "/" })
      for word in words.dropFirst() where word.hasPrefix("on") && word.contains("=") {
        problems.append("<\(tag)>")
      }
      for scheme in ["javascript:", "vbscript:", "data:text", "data:image/svg"] where tag.contains("=\"\(scheme)") || tag.contains("='\(scheme)") || tag.contains("=\(scheme)") {
        problems.append("<\(tag)>")
      }
    }
    return problems
  }
}
