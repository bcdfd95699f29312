import Foundation

/// An item's text as a digest shows it under its owner: the owner and the due date are
/// printed once beside it, so the `@carol` and `due 2022-12-01` written in the item are left
/// out of the text (`Add a pipeline step … @carol due 2022-12-01` → `Add a pipeline step …`).
enum DigestItemText {
  static func shown(_ row: ActionItemRow, owner: String?) -> String {
    var text = row.text
    if let owner, !owner.isEmpty {
      for label in ["Owners: ", "Owner: ", "owner: ", "owners: ", "Owner ", ""] {
        text = removing(label + owner, from: text)
      }
    }
    if let due = row.due {
      for lead in ["(due ", "due: ", "due ", "(by ", "by "] {
        for form in [lead + due + ")", lead + due] {
          text = removing(form, from: text)
        }
      }
    }
    // What removal leaves: doubled spaces, runs of separators, a dangling one.
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    let separators: Set<String> = ["-", "—", "–", ",", ";", ":", "·", "|"]
    var kept: [String] = []
    for word in words {
      // A separator after punctuation or another separator, or first, held what was removed.
      if separators.contains(word) {
        guard let last = kept.last, let end = last.last, !".,;:".contains(end), !separators.contains(last) else { continue }
      }
      kept.append(word)
    }
    while let last = kept.last, separators.contains(last) { kept.removeLast() }
    var joined = kept.joined(separator: " ").replacingOccurrences(of: " ,", with: ",")
    while joined.contains(",,") { joined = joined.replacingOccurrences(of: ",,", with: ",") }
    while let last = joined.last, ",;:".contains(last) { joined.removeLast() }
    return joined.isEmpty ? row.text : joined
  }

  /// `text` without the whole-word occurrences of `phrase` (compared without case).
  static func removing(_ phrase: String, from text: String) -> String {
    var result = text
    var search = result.startIndex
    while let found = result.range(of: phrase, options: .caseInsensitive, range: search..<result.endIndex) {
      let before = found.lowerBound > result.startIndex ? result[result.index(before: found.lowerBound)] : " "
      let after = found.upperBound < result.endIndex ? result[found.upperBound] : " "
      let edge: (Character) -> Bool = { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "@") }
      if edge(before), edge(after) || !(phrase.last?.isLetter ?? false) && !(phrase.last?.isNumber ?? false) {
        result.replaceSubrange(found, with: " ")
        search = result.startIndex
      } else {
        search = found.upperBound
      }
    }
    return result
  }
}
