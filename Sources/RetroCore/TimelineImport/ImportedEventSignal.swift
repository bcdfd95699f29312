/// What an imported event tells of the incident's course; the milestone guess reads these,
/// never the event's words.
public enum ImportedEventSignal: String, Sendable, Equatable, CaseIterable {
  /// An alert began firing (Alertmanager, Grafana).
  case alertFiring
  /// An alert stopped firing.
  case alertResolved
  /// A person was paged: an incident or alert opened in PagerDuty or Opsgenie.
  case page
  /// Somebody acknowledged the page.
  case acknowledged
  /// The paging incident was resolved or the alert closed.
  case pageResolved
  /// A deploy finished: a deploy workflow run, a deployment, a commit to a deploy repository.
  case deploy
  /// A deploy that undoes another: a revert or rollback.
  case rollback
  /// A build or workflow run that deploys nothing.
  case build
  /// A message from a person or a bot in the incident's channel, or a note on the page.
  case message
}
