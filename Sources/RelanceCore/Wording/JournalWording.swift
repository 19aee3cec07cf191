public import Foundation

/// The journal's lines a person reads on a customer's timeline, in `relance customer`, the
/// console and Health: imports, the outbox, disputes, and the outcomes a person sent by email
/// that could not be recorded. Part of every language's `Wording`; the store words its own
/// lines in the creditor's language (stored with the creditor, `v10-creditor-language`).
/// Values that come from elsewhere (`reason`, `why`) are passed through as they are.
public protocol JournalWording: Sendable {
    /// A customer's reminders paused; `reason` is the caller's, in this language when a person's.
    func customerPaused(kind: CustomerHold.Kind, until: CivilDate?, reason: String) -> String
    func customerResumed(reason: String) -> String
    func addressMarkedInvalid(_ address: String, reason: String) -> String
    func addressUsableAgain(_ address: String, reason: String) -> String
    /// An unposted letter replaced by the next one (steps are policy step names).
    func taskSuperseded(old: Int64, oldKind: WorkTask.Kind, oldStep: String?, new: Int64, newKind: WorkTask.Kind, newStep: String?) -> String
    /// An open call moved on to the next step.
    func taskMovedOn(id: Int64, kind: WorkTask.Kind, from: String?, since: CivilDate?, to: String?, on day: CivilDate, title: String) -> String
    /// A customer the day's plan does not contact; `reason` is the plan's, already in this language.
    func customerHeld(customer: String, on day: CivilDate, reason: String) -> String
    /// A task of the ladder with no outcome past its day: it needs a person now.
    func taskEscalated(kind: WorkTask.Kind, customer: String, step: String, since: CivilDate, dueOn: CivilDate) -> String
    func creditorRegistered(_ creditor: String) -> String

    // MARK: Imports

    /// An open-items file applied: `Export balance.csv importé (…) : 3 nouvelles, …`.
    func importApplied(file: String, kind: String, asOf: CivilDate, new: Int, changed: Int, settled: Int, unchanged: Int,
                       toIdentify: Int) -> String
    func contactsImported(file: String, new: Int, known: Int) -> String
    /// An invoice an authoritative export no longer lists.
    func invoiceSettledByImport(invoice: String, file: String, asOf: CivilDate) -> String
    /// `role` is `to` or `cc`; empty lists read as none.
    func customerAddressesChanged(role: String, customer: String, before: [String], after: [String]) -> String
    /// The same bytes again; `held` when that import waits for a person.
    func importDuplicate(file: String, of importID: Int64, held: Bool) -> String
    /// The same bytes again, from a file that states no date: the books unchanged as of `asOf`
    /// (they were dated `previous`), a reading said rather than made in silence.
    func importReconfirmed(file: String, of importID: Int64, asOf: CivilDate, previous: CivilDate) -> String
    func bankStatementAlreadyImported(file: String, as importID: Int64) -> String
    /// `rows` are the refused rows as the reader described them, at most 50; `more` when there were more.
    func importRowsRefused(count: Int, file: String, rows: [String], more: Bool) -> String
    /// Why a snapshot is held: it would settle too much at once.
    func massSettlement(settling: Int, amount: Money, open: Money, percent: Int, threshold: Int) -> String
    /// A snapshot held for a person; `reason` is `massSettlement`.
    func importHeld(importID: Int64, file: String, reason: String) -> String
    func heldImportConfirmed(importID: Int64, file: String) -> String
    func heldImportRejected(importID: Int64, file: String, reason: String) -> String
    /// A file refused whole; `reason` is the reader's explanation.
    func importRejected(file: String, reason: String) -> String

    // MARK: The outbox

    /// `reason` is the configuration problem found (the key to fix).
    func outboxPaused(creditor: String, reason: String) -> String
    func outboxResumed(creditor: String, since: CivilDate, reason: String) -> String

    // MARK: The digest

    /// The day's digest handed to the mail server; `serverReply` is the server's own words.
    func digestSent(day: CivilDate, to recipients: [String], serverReply: String) -> String
    /// No digest that day: nothing needed a person (`send_when_empty = false`).
    func digestNotNeeded(day: CivilDate) -> String

    /// A message stored for sending: `Queued first-reminder to a@b for 2 invoice(s), planned on …`.
    func messageQueued(step: String, to: [String], invoices: Int, plannedOn: CivilDate) -> String
    func messageAttempt(_ attempt: Int, messageID: Int64) -> String
    /// A message claimed with its batch but put back before any byte of it left: the outbox
    /// paused or the sender stopped first. The attempt it was counted as is given back.
    func messageUnclaimed(messageID: Int64) -> String
    /// `customer` is `C001 Client Un`; `recipients` as stored.
    func messageSent(step: String?, messageID: Int64, customer: String, recipients: String, serverReply: String) -> String
    /// `retryAt` is shown in UTC, as the server's log is.
    func messageRetry(messageID: Int64, reason: String, retryAt: Date) -> String
    func messageFailed(messageID: Int64, reason: String) -> String
    func messageCancelled(messageID: Int64, because: MessageCancelReason) -> String
    /// Review mode: a reminder stored for a person's approval, not sent.
    func messageAwaitingApproval(step: String, to: [String], invoices: Int, plannedOn: CivilDate) -> String
    /// A person's decision on a reminder awaiting approval (`approved`: queued; else skipped).
    func messageApproval(messageID: Int64, approved: Bool, by person: String) -> String
    /// A person's decision on a held or failed reminder (`released`: sent again as it was; else
    /// skipped); `wasFailed`: it had failed rather than been held.
    func heldMessageDecision(messageID: Int64, released: Bool, by person: String, wasFailed: Bool) -> String

    // MARK: A person's do-not-remind

    func doNotRemindSet(customer: String, reason: String, by person: String) -> String
    func doNotRemindRemoved(customer: String, reason: String, by person: String) -> String

    // MARK: Disputes

    func invoiceDisputed(invoice: String, reason: String) -> String
    func disputeResolved(invoice: String, reason: String) -> String
    /// Why a later outcome ended a dispute: a promise or a payment recorded on task `taskID`.
    func disputeEndedByOutcome(_ outcome: TaskOutcome, taskID: Int64) -> String

    // MARK: Outcomes sent by email

    func outcomeRefusal(_ refusal: OutcomeRefusal) -> String
    func outcomeLineProblem(_ problem: OutcomeLineProblem) -> String
    /// A line of a person's reply that could not be read.
    func outcomeLineNotRead(taskID: Int64?, sender: String, line: String, problem: OutcomeLineProblem) -> String
    /// An outcome read but refused; `why` is `outcomeRefusal` or the store's reason.
    func outcomeNotRecorded(taskID: Int64, outcome: TaskOutcome, by: String, why: String) -> String
}

/// Why a queued message is not sent after all: what it says is no longer true, or the customer
/// said something since it was written.
public enum MessageCancelReason: Sendable, Hashable {
    case paidAtTheBank(invoice: String)
    case settled(invoice: String)
    case disputed(invoice: String)
    case amountChanged(invoice: String)
    /// `kind` is the hold's kind (`promise`, `reply`…), `reason` its own words.
    case customerPaused(kind: String, reason: String)
    /// Review mode: written on `plannedOn` and still awaiting a person's approval the next
    /// planning day — its amounts, delays and dates would be out of date: written again.
    case staleApproval(plannedOn: CivilDate)
}
