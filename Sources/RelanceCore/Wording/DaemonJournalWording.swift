/// The journal lines the daemon writes itself, outside the store's and the outbox's own: a
/// planned action that failed, the purge of processed files and of kept invoice documents — in
/// the creditor's language (#13).
public protocol DaemonJournalWording: Sendable {
    /// Why the outbox is tried again, after `outbox.resumed`'s colon: `la configuration a été rechargée`.
    func sendingRestart(_ restart: SendingRestart) -> String
    /// `L'étape « première relance » n'a pas pu être exécutée pour le client C1 : …`; `error` as it came.
    func plannedActionFailed(step: String, customer: String, error: String) -> String
    /// A day's folder of processed files removed, older than the keeping period.
    func processedFilesPurged(day: CivilDate, folder: String, olderThanDays days: Int) -> String
    /// Kept invoice documents no invoice refers to any more (their customers were anonymised).
    func keptDocumentsPurged(_ count: Int) -> String
}
