/// One severity however a team spells it: `SEV2`, `Sev 2`, `sev-2` and `SEV_2` are one
/// severity to the `severity_scale` rule, to `actions --severity` and to `stats`.
public enum SeverityName {
  /// The severity's key: letters and digits only, lowercased (`Sev 2` → `sev2`).
  public static func key(_ text: String) -> String {
    text.lowercased().filter { $0.isLetter || $0.isNumber }
  }

  /// The spelling to show for each key among `spellings`: the one written most often, ties
  /// to the one that sorts first, so `stats` names a severity as the reports mostly do.
  public static func displayNames(_ spellings: [String]) -> [String: String] {
    var counts: [String: [String: Int]] = [:]
    for spelling in spellings { counts[key(spelling), default: [:]][spelling, default: 0] += 1 }
    return counts.mapValues { forms in forms.min { ($1.value, $0.key) < ($0.value, $1.key) }!.key }
  }
}
