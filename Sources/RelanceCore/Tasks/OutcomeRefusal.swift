/// Why a person's outcome could not be recorded, as data: each language words it
/// (`JournalWording.outcomeRefusal`), so the CLI, the console and the reply's acknowledgement
/// say it in the creditor's language.
public enum OutcomeRefusal: Sendable, Hashable {
    case alreadyClosed(taskID: Int64, state: WorkTask.State, outcome: TaskOutcome?)
    case onlyLettersArePosted(taskID: Int64, kind: WorkTask.Kind)
    case postedInTheFuture(posted: CivilDate, today: CivilDate)
    case trackingNumberMissing
    case acknowledgementOutOfRange(acknowledged: CivilDate, posted: CivilDate, today: CivilDate)
    case acknowledgementIsRecordedWithPosting
    case supersededByTheLadderOnly
    case promiseInThePast(promised: CivilDate, today: CivilDate)
    case promisedAmountNotPositive
    case paidInTheFuture(paid: CivilDate, today: CivilDate)
    case phoneNotKnown(phone: String, known: [String])
    case callOnly(outcome: TaskOutcome, taskID: Int64, kind: WorkTask.Kind)
    case invoiceNotOnTask(invoice: String, taskID: Int64, open: [String])
    /// `dispute-resolved` for a customer none of whose open invoices is disputed.
    case noDisputeOpen(taskID: Int64)
    /// No such task (or another creditor's, for an emailed reply).
    case noSuchTask(taskID: Int64)
    /// `dispute-resolved` naming an invoice the customer does not dispute.
    case invoiceNotDisputed(invoice: String, disputed: [String])
}

/// Why a line of a reply to the digest was not read (`OutcomeReplyParser`).
public enum OutcomeLineProblem: Sendable, Hashable {
    case lineTooLong
    case tooManyOutcomes(Int)
    case noTaskNumber
    case noOutcomeRecognised
    case promiseNeedsDate
    case notAnAmount(String)
    case newAddressNeedsAddress
}
