/// The version of retro, shown by `--version` and written into SARIF output.
public enum RetroVersion {
  public static let current = "0.1.0"
}
