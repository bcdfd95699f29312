/// Classifies heading text into the kinds of section it names.
///
/// Headings are normalised (numbering, emoji, bold, trailing colons and parenthesised scope
/// such as `(all times PST)` removed, case folded), reduced to word stems, and scored
/// against the weighted terms of `SectionLexicon`, so phrasings never seen before still land:
/// `Stabilization steps` → resolution, `Resulting actions` → action items. Phrases from the
/// user's configuration win over the lexicon.
public struct HeadingVocabulary: Sendable {
  private struct Term: Sendable {
    var kind: SectionKind
    var stems: [String]
    var weight: Int
    var written: String
  }

  private let terms: [Term]
  private let cache = HeadingClassificationCache()
  private let termsByStem: [String: [Int]]
  private var configured: [String: SectionKind] = [:]
  private var phrasesByKind: [SectionKind: [String]] = [:]
  private static let neutralStems: Set<String> = Set(SectionLexicon.neutralWords.map(stem))

  public init(extra: [SectionKind: [String]] = [:]) {
    var terms: [Term] = []
    for kind in SectionKind.allCases {
      for (phrase, weight) in SectionLexicon.terms[kind] ?? [] {
        let stems = Self.stems(of: phrase)
        if !stems.isEmpty { terms.append(Term(kind: kind, stems: stems, weight: weight, written: phrase)) }
      }
    }
    var byStem: [String: [Int]] = [:]
    for (index, term) in terms.enumerated() {
      // A term is found through its rarest-looking word: its first one is as good as any.
      byStem[term.stems[0], default: []].append(index)
    }
    self.terms = terms
    self.termsByStem = byStem
    for kind in SectionKind.allCases where kind != .custom {
      let strong = (SectionLexicon.terms[kind] ?? []).filter { $0.1 >= 4 }.map(\.0)
      phrasesByKind[kind] = (extra[kind] ?? []) + strong
    }
    for (kind, phrases) in extra {
      for phrase in phrases { configured[Self.normalise(phrase)] = kind }
    }
  }

  /// The headings accepted for `kind`: the configured ones, then the lexicon's strong terms.
  public func phrases(for kind: SectionKind) -> [String] {
    phrasesByKind[kind] ?? []
  }

  /// The kind for a heading; `.custom` when nothing scores.
  public func kind(of heading: String) -> SectionKind {
    classify(heading).kind
  }

  /// True when the text names a section outright (`Root cause`, `Customer impact:`), as
  /// opposed to mentioning one in passing: used for bold and plain lines, where a loose
  /// match would turn emphasis into headings.
  public func isExactPhrase(_ text: String) -> Bool {
    classify(text).namesSection
  }

  /// A bold label that names a section (see `HeadingClassification.isLabel(wordCount:)`).
  public func isLabel(_ text: String) -> Bool {
    classify(text).isLabel(wordCount: text.countASCIISplit(separator: " "))
  }

  /// The kinds a heading names, with the evidence.
  public func classify(_ heading: String) -> HeadingClassification {
    cache.value(heading) { classifyAnew(heading) }
  }

  private func classifyAnew(_ heading: String) -> HeadingClassification {
    let key = Self.normalise(heading)
    if let kind = configured[key] {
      return HeadingClassification(
        kind: kind, alsoKinds: [], score: 5, candidates: [(kind, 5, key)], namesOutright: true, configured: true)
    }
    let words = key.splitASCII(separator: " ").map(String.init)
    let stems = words.filter { !SectionLexicon.stopWords.contains($0) }.map(Self.stem)
    let present = Set(stems)
    // Best term per kind: highest weight, then most words.
    var best: [SectionKind: Int] = [:]
    var matched: [SectionKind: Set<String>] = [:]
    for stem in present {
      for index in termsByStem[stem] ?? [] {
        let term = terms[index]
        guard term.stems.allSatisfy(present.contains) else { continue }
        matched[term.kind, default: []].formUnion(term.stems)
        if let current = best[term.kind] {
          let old = terms[current]
          if term.weight < old.weight || (term.weight == old.weight && term.stems.count <= old.stems.count) { continue }
        }
        best[term.kind] = index
      }
    }
    best = best.filter { terms[$0.value].weight >= 2 }
    // A weak word in a long heading is a passing mention: `Incident … resulting in two
    // offline events`.
    if stems.count > 4 { best = best.filter { terms[$0.value].weight >= 3 } }
    guard !best.isEmpty else {
      return HeadingClassification(kind: .custom, alsoKinds: [], score: 0, candidates: [], namesOutright: false, configured: false)
    }
    func position(_ index: Int) -> Int {
      terms[index].stems.compactMap { stems.firstIndex(of: $0) }.min() ?? Int.max
    }
    let ranked = best.sorted { a, b in
      let ta = terms[a.value], tb = terms[b.value]
      if ta.weight != tb.weight { return ta.weight > tb.weight }
      if ta.stems.count != tb.stems.count { return ta.stems.count > tb.stems.count }
      return position(a.value) < position(b.value)
    }
    let top = ranked[0]
    // Two weak words for two kinds (`CVE - Description of the vulnerability`): the heading
    // does not decide; the body may.
    if terms[top.value].weight <= 2, ranked.count > 1, terms[ranked[1].value].weight == terms[top.value].weight {
      return HeadingClassification(
        kind: .custom, alsoKinds: [], score: 0,
        candidates: ranked.map { ($0.key, terms[$0.value].weight, terms[$0.value].written) },
        namesOutright: false, configured: false)
    }
    var chosen = [top]
    // `Root causes and trigger`, `Detection & response`: a joined second kind of its own words.
    let joined = words.contains("and") || heading.contains("&") || heading.contains("/") || heading.contains("+")
    if joined {
      for other in ranked.dropFirst() where terms[other.value].weight >= 3 {
        let taken = Set(chosen.flatMap { terms[$0.value].stems })
        if terms[other.value].stems.allSatisfy({ !taken.contains($0) }) { chosen.append(other) }
      }
      chosen.sort { position($0.value) < position($1.value) }
    }
    let covered = chosen.reduce(into: Set<String>()) { $0.formUnion(matched[$1.key] ?? []) }
    let outright = stems.allSatisfy { covered.contains($0) || Self.neutralStems.contains($0) }
    var result = HeadingClassification(
      kind: chosen[0].key, alsoKinds: chosen.dropFirst().map(\.key), score: terms[top.value].weight,
      candidates: ranked.map { ($0.key, terms[$0.value].weight, terms[$0.value].written) },
      namesOutright: outright, configured: false)
    result.endsWithTerm = stems.last.map { terms[top.value].stems.contains($0) } ?? false
    return result
  }

  // MARK: - Normalising

  /// Lowercased words only: no numbering, emoji, markup, parentheses or trailing colon.
  public static func normalise(_ heading: String) -> String {
    normaliseASCII(heading) ?? normaliseCharacters(heading)
  }

  static func normaliseCharacters(_ heading: String) -> String {
    var text = heading.lowercased()
    // Drop parenthesised or bracketed scope: `Timeline (all times PST)`, `Impact [draft]`.
    while let open = text.firstIndex(where: { $0 == "(" || $0 == "[" }) {
      let close = text[open...].firstIndex(where: { $0 == ")" || $0 == "]" }) ?? text.endIndex
      text.removeSubrange(open..<(close == text.endIndex ? close : text.index(after: close)))
    }
    var words: [String] = []
    var word = ""
    for character in text {
      if character.isLetterFast || character == "'" || character == "’" {
        word.append(character == "’" ? "'" : character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    words = words.map { $0.trimmingASCII("'") }.filter { !$0.isEmpty }
    // Roman numerals, lone letters used as numbering and a leading article: `II. Impact`,
    // `a) Summary`, `The Vulnerability`.
    while let first = words.first, words.count > 1, numbering.contains(first) {
      words.removeFirst()
    }
    return words.joined(separator: " ")
  }

  static let numbering: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "a", "b", "c", "the", "our"]

  /// `normalise` by bytes for an ASCII heading (nearly all; every metadata-looking line is
  /// normalised too); nil for any other, which takes the character path. The same steps.
  static func normaliseASCII(_ heading: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(heading.utf8.count)
    for byte in heading.utf8 {
      guard byte < 0x80 else { return nil }
      bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }
    // Bracketed scope out, as the character path removes it.
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x28 || byte == 0x5B {  // ( [
        var close = index + 1
        while close < bytes.count, bytes[close] != 0x29, bytes[close] != 0x5D { close += 1 }
        index = close + 1
        continue
      }
      kept.append(byte)
      index += 1
    }
    var words: [String] = []
    var start = -1
    func flush(_ end: Int) {
      guard start >= 0 else { return }
      var from = start
      var to = end
      while from < to, kept[from] == 0x27 { from += 1 }
      while to > from, kept[to - 1] == 0x27 { to -= 1 }
      if from < to { words.append(String(decoding: kept[from..<to], as: UTF8.self)) }
      start = -1
    }
    for (position, byte) in kept.enumerated() {
      let isWordByte = (byte >= 0x61 && byte <= 0x7A) || byte == 0x27
      if isWordByte {
        if start < 0 { start = position }
      } else {
        flush(position)
      }
    }
    flush(kept.count)
    var first = 0
    while words.count - first > 1, numbering.contains(words[first]) { first += 1 }
    return words[first...].joined(separator: " ")
  }

  /// The stems of a phrase's words, stop words left out.
  static func stems(of phrase: String) -> [String] {
    normalise(phrase).splitASCII(separator: " ").map(String.init)
      .filter { !SectionLexicon.stopWords.contains($0) }.map(stem)
  }

  /// A light suffix stripper for English heading words: plurals, then one of -ation/-ion,
  /// -ment, -ness, -ing, -ed, -ive, -ly, then a doubled consonant and a final e. Negations
  /// (`didn't`, `not`, `never`) all become `not`.
  static func stem(_ word: String) -> String {
    var w = Array(word.utf8.contains(0x27) ? word.replacingOccurrences(of: "'s", with: "") : word)
    let text = String(w)
    if text.hasSuffix("n't") || text == "not" || text == "never" || text == "no" { return "not" }
    func ends(_ suffix: String) -> Bool { String(w).hasSuffix(suffix) }
    // Plurals.
    if ends("ies"), w.count > 4 {
      w.removeLast(3); w.append("y")
    } else if ends("sses") {
      w.removeLast(2)
    } else if ends("s"), w.count > 3, !ends("ss"), !ends("us"), !ends("is") {
      w.removeLast()
    }
    // One derivational or inflectional suffix, keeping a stem of three letters or more.
    for suffix in ["ative", "ion", "ment", "ness", "ing", "ed", "ive", "ly"] where ends(suffix) && w.count - suffix.count >= 3 {
      w.removeLast(suffix.count)
      if ["ing", "ed"].contains(suffix), w.count >= 2, w[w.count - 1] == w[w.count - 2],
        !"lsfz".contains(w[w.count - 1]), !"aeiou".contains(w[w.count - 1])
      {
        w.removeLast()
      }
      break
    }
    if w.count > 3, w.last == "e" { w.removeLast() }
    return String(w)
  }
}
