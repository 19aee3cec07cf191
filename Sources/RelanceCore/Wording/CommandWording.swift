/// What the CLI's people-facing commands (`relance tasks done`, `relance pause`, `relance resume`)
/// print or refuse, in the creditor's language (#13). Options keep their `--name`: they are
/// what one types.
public protocol CommandWording: Sendable {
    /// `--outcome promised` needs `--date`.
    func outcomeOptionMissing(outcome: String, option: String) -> String
    func outcomeOptionNotADate(option: String, value: String) -> String
    func outcomeOptionNotAnAmount(option: String, value: String) -> String
    func outcomeOptionNotAnEmail(option: String, value: String) -> String
    func outcomeUnknown(_ value: String, known: [String]) -> String
    /// An outcome the task refused: `Tâche n° 12 : …`.
    func outcomeRefusedOnTask(taskID: Int64, why: String) -> String
    func customerPaused(customer: String, creditor: String, until: CivilDate?) -> String
    func creditorPaused(creditor: String, until: CivilDate?) -> String
    func invoiceWasNotDisputed(invoice: String, creditor: String) -> String
    func disputeResolvedByResume(invoice: String, creditor: String, taskID: Int64) -> String
    func customerResumed(customer: String, creditor: String) -> String
    func creditorResumed(creditor: String, outboxRetried: Bool) -> String
    /// `relance digest --send`: the digest of a day went to its people, the day said in words.
    func digestSentNow(creditor: String, day: CivilDate, recipients: [String]) -> String
    /// `relance digest --send` on a day with nothing for a person (`send_when_empty = false`).
    func digestNotSentNow(creditor: String, day: CivilDate) -> String
    /// `relance message`: no reminder waits for a person.
    func messagesNoneWaiting() -> String
    /// `relance message`: a waiting reminder's heading — its number, creditor, step, state,
    /// recipients and subject.
    func messageForReview(id: Int64, creditor: String, step: String, state: OutboxState, recipients: [String], subject: String) -> String
    /// Why it waits (the last error or the hold's reason, quoted as recorded).
    func messageWaitsBecause(_ reason: String) -> String
    /// `relance message approve|send|skip` done (`approving`: the `approve` command, on a reminder of review mode).
    func messageDecided(id: Int64, decision: MessageReviewDecision, approving: Bool) -> String
}
