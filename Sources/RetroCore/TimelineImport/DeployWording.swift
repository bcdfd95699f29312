/// Whether a run, deployment or commit deploys, and whether it undoes an earlier deploy, from
/// its names: a revert or rollback is read as a mitigation, a deploy as a possible cause.
enum DeployWording {
  /// Lowercased words of letters (`Deploy checkout` → `deploy`, `checkout`).
  static func words(_ text: String) -> [Substring] {
    let lowered = text.lowercased()
    return lowered.split { !$0.isLetter }
  }

  static func isRollback(_ text: String) -> Bool {
    let words = words(text)
    if words.contains(where: { $0.hasPrefix("revert") || $0 == "rollback" || $0 == "rollbacks" || $0 == "undo" }) { return true }
    return zip(words, words.dropFirst()).contains { ["roll", "rolled", "rolling"].contains($0) && $1 == "back" }
  }

  /// A word that deploys: `deploy`, `deployment`, `release`, `rollout`, `ship`, `promote`…
  /// as a whole word or its start, never inside another (`ownership` ships nothing).
  static func deploys(_ text: String) -> Bool {
    let words = words(text)
    let starts = ["deploy", "releas", "rollout", "promot", "publish"]
    let whole: Set<Substring> = ["ship", "ships", "shipped", "shipping", "cd", "release"]
    return words.contains { word in whole.contains(word) || starts.contains { word.hasPrefix($0) } }
      || zip(words, words.dropFirst()).contains { ["roll", "rolled", "rolling"].contains($0) && $1 == "out" } || isRollback(text)
  }

  static func signal(_ names: String...) -> ImportedEventSignal {
    let joined = names.joined(separator: " ")
    if isRollback(joined) { return .rollback }
    return deploys(joined) ? .deploy : .build
  }

  /// The first seven characters of a commit's hash.
  static func short(_ sha: String?) -> String? {
    guard let sha, sha.count >= 7 else { return sha }
    return String(sha.prefix(7))
  }
}
