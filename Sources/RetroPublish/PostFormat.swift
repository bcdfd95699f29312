/// The static-site generators `retro publish` writes posts for.
public enum PostFormat: String, Sendable, CaseIterable {
  case jekyll, hugo
}
