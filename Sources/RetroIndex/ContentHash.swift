import Foundation

/// A stable 64-bit FNV-1a hash of a file's bytes, as hex: enough to tell whether a report
/// changed between two runs.
public enum ContentHash {
  public static func of(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
