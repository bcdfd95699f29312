/// Whether a run, deployment or commit deploys, and whether it undoes an earlier deploy, from
/// its names: a revert or rollback is read as a mitigation, a deploy as a possible cause.
enum DeployWording {
  static func isRollback(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return ["revert", "rollback", "roll back", "rolled back", "rolling back", "undo "].contains { lowered.contains($0) }
  }

  static func deploys(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return ["deploy", "release", "rollout", "roll out", "publish", "ship", "promote"].contains { lowered.contains($0) } || isRollback(text)
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
