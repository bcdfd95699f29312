/// The commented `.retro.yml` that `retro init` writes: every setting with its default.
public enum DefaultConfigurationFile {
  public static var text: String {
    let rules = RuleRegistry.descriptions.map { "  # \($0.identifier): \($0.severity.rawValue)" }.joined(separator: "\n")
    let defaults = LintConfiguration()
    return """
      # retro configuration. retro looks for this file in the working directory and its parents
      # (or takes --config FILE). Every setting below is shown with its default.

      # Zone for timeline times that name none: UTC, CET, +02:00, Europe/Berlin ...
      timezone: UTC

      # How to read numeric dates like 03/04/2021 that the report itself does not settle:
      # day-first (3 April) or month-first (4 March).
      dateOrder: day-first

      # Extra headings for each kind of section, on top of the built-in vocabulary.
      # Kinds: summary, impact, rootCauses, trigger, detection, resolution, timeline,
      # lessonsLearned, wentWell, wentWrong, gotLucky, actionItems.
      vocabulary: {}
      #   impact: [Blast radius]
      #   actionItems: [Remediations]

      # Sections every report must have (missing_section).
      requiredSections: [\(defaults.requiredSections.map(\.rawValue).joined(separator: ", "))]

      # Metadata every report must have (missing_metadata).
      requiredMetadata: [\(defaults.requiredMetadata.joined(separator: ", "))]

      # The severity and status words reports may use (severity_scale, status_scale).
      severityScale: [\(defaults.severityScale.joined(separator: ", "))]
      statusScale: [\(defaults.statusScale.joined(separator: ", "))]

      # summary_too_long fires above this many words.
      summaryMaxWords: \(defaults.summaryMaxWords)

      # Two action items with token similarity at or above this say the same thing
      # (recurring_action_item).
      similarityThreshold: \(defaults.similarityThreshold)

      # Paths to skip: * within a folder, ** across folders.
      ignore: []

      # A folder of your own report templates for 'retro new'; NAME.md there overrides the
      # built-in template NAME.
      # templates: retro-templates

      # Which rules are on: standard (the default), internal (an internal retro's conventions:
      # owners, tickets, due dates, metadata), published (public write-ups) or strict (all).
      profile: standard
      # profiles:                        # which profile applies where; first match wins
      #   published: ["blog/**"]
      # optInRules: []                   # rules the profile leaves off, turned on

      # Tracker exports joined to the action items (gh issue list JSON, Jira CSV, GitLab
      # CSV), relative to this file; status names on top of the built-in ones.
      # tracker: [trackers/jira.csv]
      # trackerStatuses:
      #   done: [Shipped]
      #   open: [Parked]

      # Several folders of reports in one index, each a team named after its folder.
      # roots: [payments/retros, search/retros]

      # Where the SQLite index lives (default: one file per folder in ~/.cache/retro).
      # index: .retro-index.sqlite

      # Headings or section kinds never published by 'retro publish' and 'retro site'.
      # internalSections: [Internal notes]

      # Publishing: your own templates and the site's title.
      # publish:
      #   templates: publish-templates
      #   siteTitle: Incident reviews

      # Follow-up policies by severity: an item with no due date is due itemsDueDays after the
      # incident; the report is to be final within finalWithinDays (follow_up_policy).
      # policies:
      #   SEV1: {itemsDueDays: 14, finalWithinDays: 5}
      #   SEV2: {itemsDueDays: 30, finalWithinDays: 10}
      #   default: {itemsDueDays: 90}

      # Cause categories of 'retro stats' and the Trends page, on top of the built-in ones.
      # causeCategories:
      #   capacity: [noisy neighbour]
      #   feature flags: [flag flip, kill switch]

      # A team's own phrases for the wording rules, and built-in ones removed.
      # phrases:
      #   blaming_language: {add: ["rookie mistake"], remove: ["to blame"]}
      #   vague_action_item: {add: [harden]}
      #   placeholder_text: {add: ["FILL ME IN"], remove: [TBC]}

      # Rules: off, on, error, warning or info. The defaults:
      rules: {}
      \(rules)

      """
  }
}
