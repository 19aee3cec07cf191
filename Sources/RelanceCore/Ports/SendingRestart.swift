/// Why the daemon tries every creditor's outbox again (`outbox.resumed`), as a fact the
/// creditor's wording says (`DaemonJournalWording.sendingRestart`): the journal line reaches
/// the creditor's people (#13).
public enum SendingRestart: Sendable, Hashable {
    /// `relance run` started with the configuration as it is now.
    case daemonStarted
    /// SIGHUP: the configuration was read again.
    case configurationReloaded
}
