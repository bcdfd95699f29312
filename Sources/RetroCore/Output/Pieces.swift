/// Outputs are written in pieces (`write(…, to:)`), so a long one streams; this joins the
/// pieces into one string where the whole text is wanted (tests, small outputs).
public enum Pieces {
  public static func joined(_ write: ((String) -> Void) -> Void) -> String {
    var text = ""
    write { text += $0 }
    return text
  }
}
