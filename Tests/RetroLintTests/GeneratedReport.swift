/// Reports assembled from parts at random (seeded, so a failure can be replayed): some
/// sections missing, front matter in YAML, TOML or none, task boxes well and badly written,
/// zones named or not. What `--fix` must handle without changing what a report says.
enum GeneratedReport {
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func make(seed: Int) -> String {
    var random = SplitMix(state: UInt64(seed) &* 7919 &+ 17)
    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    var text = ""
    switch Int.random(in: 0..<3, using: &random) {
    case 0: text += "---\ntitle: Cache outage \(seed)\n" + (chance(50) ? "date: 2024-03-0\(seed % 9 + 1)\n" : "") + "---\n\n"
    case 1: text += "+++\ntitle = \"Cache outage \(seed)\"\n" + (chance(50) ? "[extra]\nteam = \"core\"\n" : "") + "+++\n\n"
    default: text += "# Cache outage \(seed)\n\n"
    }
    let level = chance(80) ? "##" : "###"
    let zone = ["UTC", "PDT", "CET"].randomElement(using: &random)!
    let parts: [(String, String)] = [
      ("Summary", "The cache cluster failed over twice" + (chance(50) ? " at 10:02 \(zone)" : "") + " and the API returned errors.\n"),
      ("Impact", "About 5% of requests failed for 20 minutes.\n"),
      ("Root causes", "A config push removed the replica.\n"),
      ("Detection", "An alert on error rate paged the on-call.\n"),
      ("Timeline", "- 10:00 deploy starts\n- 10:05 alert fires\n- 10:20 rollback completes\n"),
      ("Lessons learned", "- Config pushes need a canary\n"),
      ("Action items", ""),
    ]
    for (heading, body) in parts where chance(70) {
      text += "\(level) \(heading)\n\n"
      if heading == "Action items" {
        let boxes = ["", "[ ] ", "[] ", "[x] ", "[*] ", "[AI-\(seed % 4 + 1)] "]
        let items = ["Add an alert on replica count @ana", "Write the failover runbook @ben OPS-12", "Canary config pushes", "**Review** the drain step", "~~Roll back the change~~"]
        for item in items where chance(60) {
          text += (chance(80) ? "- " : "1. ") + boxes.randomElement(using: &random)! + item + "\n"
        }
        if chance(30) { text += "\n| Item | Owner |\n| --- | --- |\n| Page earlier | ana |\n" }
      } else {
        text += body
      }
      text += chance(90) ? "\n" : ""
    }
    if chance(20) { text += "Trailing words without a newline" }
    return text
  }
}
