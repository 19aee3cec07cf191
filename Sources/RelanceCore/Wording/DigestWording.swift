/// The daily digest's words: its one-line summary, the sections of the day's work, what is
/// stuck and why. Part of every language's `Wording`; the digest's layout is a Mustache
/// template that only places these texts.
public protocol DigestWording: Sendable {
    /// The day's tasks and the bank receipts waiting to be linked: "nothing to do" only when
    /// there are neither.
    func digestSubject(creditor: String, day: CivilDate, work: Int, receipts: Int) -> String
    /// `lundi 7 décembre 2026`.
    func digestDay(_ day: CivilDate) -> String
    func overdueLabel() -> String
    /// Beside the overdue total: `Avoirs non imputés : −1 200,00 € (non déduits du total en retard)`.
    func unappliedCredits(_ amount: String) -> String
    /// `+1 200,00 € depuis hier`, `−300,00 € depuis le 03/12`, `inchangé depuis hier`.
    func overdueChange(_ change: Money, since previous: CivilDate, today: CivilDate) -> String
    func byAgeLabel() -> String
    func sentCount(_ count: Int) -> String
    func settledCount(_ count: Int) -> String
    func repliesCount(_ count: Int) -> String
    func bouncesCount(_ count: Int) -> String
    func nothingHappened() -> String
    func sinceLastDigest() -> String

    func callsTitle(_ count: Int) -> String
    func repliesTitle(_ count: Int) -> String
    func lettersTitle(_ count: Int) -> String
    func promisesTitle(_ count: Int) -> String
    func overdueTasksTitle(_ count: Int) -> String
    func otherTasksTitle(_ count: Int) -> String
    func stuckTitle() -> String
    func nothingToDo() -> String
    /// The line under a list cut at `DigestContextBuilder.listCap`: `… et 312 autres appels — voir …`.
    func moreInList(_ count: Int, _ list: DigestList) -> String

    /// Where the call scripts are: `Le script de chaque appel est dans la feuille d'appels jointe (appels-2026-12-07.html).`
    func callSheetNote(fileName: String) -> String
    func callSheetFileName(day: CivilDate) -> String
    func callSheetTitle(creditor: String, day: CivilDate) -> String
    /// `relance téléphonique · 94 jours de retard`.
    func callReason(step: String, daysLate: Int?) -> String
    func bounceReason(_ reason: String) -> String
    func replyFrom(_ sender: String) -> String
    func hintsLine(_ hints: String) -> String
    /// A customer's words: `« … »` (fr), `“…”` (en).
    func quoted(_ text: String) -> String
    func documentsAttached(_ names: [String]) -> String
    func documentMissing() -> String
    /// `ouverte le 01/12/2026, en retard de 3 jours`.
    func taskOverdue(openedOn: CivilDate, daysOpen: Int) -> String
    func overdueBadge() -> String
    func promiseDue(promisedOn: CivilDate) -> String
    func recordOutcomeHint(taskID: Int64) -> String
    /// A letter waiting to be posted: since when, and how to record it (`#14 postée 10/12/2026 N° de suivi`).
    func letterToPost(kind: WorkTask.Kind, writtenOn: CivilDate, taskID: Int64) -> String
    func escalatedBadge() -> String
    /// A task with no outcome in time (a letter not confirmed as posted), told to a person on `day`.
    func escalated(_ kind: WorkTask.Kind, on day: CivilDate) -> String

    func staleLedger(lastSent: CivilDate?, latestExport: CivilDate, maximumAgeDays: Int) -> String
    func noExportYet() -> String
    func outboxPaused(reason: String) -> String
    func heldImport(fileName: String, asOf: CivilDate?, importID: Int64) -> String
    func dropFolderMissing() -> String
    func creditorPaused(until: CivilDate?) -> String
    func reviewMode() -> String
    func digestFooter(creditor: String) -> String
    func phoneLabel() -> String
    func scriptLabel() -> String
    func noPhone() -> String
}

/// The digest's lists, each cut on a big book with a line saying how many more and where they are.
public enum DigestList: Sendable, Hashable, CaseIterable {
    case calls, replies, letters, promises, overdueTasks, otherTasks, acknowledgements, unmatchedReceipts
}
