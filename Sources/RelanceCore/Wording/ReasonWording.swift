/// The reasons a person reads in `relance plan`, the journal and the tasks: why the ladder
/// acts, waits or skips; the titles of the tasks the mailbox and the bank open; a bounce's
/// cause. Part of every language's `Wording`, so that a French creditor reads none in English.
/// `why` parameters are a stored pause's own reason (already in the creditor's words), shown
/// in parentheses.
public protocol ReasonWording: Sendable {
    // MARK: Holds on the whole creditor

    func creditorPausedReason(creditor: String, until: CivilDate?, why: String?) -> String
    func noAuthoritativeSnapshot(creditor: String) -> String
    func staleSnapshot(asOf: CivilDate, ageDays: Int, maximumDays: Int) -> String
    /// `holiday` is the calendar's name, `English (français)`.
    func nonBusinessDay(_ day: CivilDate, holiday: String?, next: CivilDate) -> String

    // MARK: Holds on one customer

    func doNotRemindReason() -> String
    /// A person's do-not-remind (console or CLI), with its reason and who set it.
    func doNotRemindByPersonReason(by person: String, since: CivilDate, why: String) -> String
    func waitingForOutcome(kind: WorkTask.Kind, since: CivilDate, step: String, escalation: CivilDate) -> String
    func contactInterval(last: CivilDate, next: CivilDate, businessDays: Int) -> String
    func replyToReadReason(why: String?) -> String
    func complaintReason(why: String?) -> String
    func manualPauseReason(until: CivilDate?, why: String?) -> String
    func awayReason(until: CivilDate?, resumeOn: CivilDate?, why: String?) -> String
    func promiseReason(until: CivilDate?, resumeOn: CivilDate?, why: String?) -> String
    func promiseAwaitingSnapshot(until: CivilDate, why: String?) -> String
    /// Why the ladder waits for a letter nobody recorded as posted.
    func letterNotPosted(_ kind: WorkTask.Kind, since: CivilDate, escalated: Bool) -> String
    /// A call tried without answer, retried on another business day.
    func callRetry(attempt: Int, of attempts: Int, retryOn: CivilDate) -> String
    /// "promesse non tenue": a broken promise, recalled when the ladder resumes.
    func promiseBroken(until: CivilDate, amount: Money?) -> String

    // MARK: Decisions about one customer

    /// `paiement de 912,00 € reçu le 03/12 — VIR SEPA OCEANE / FA26-0866`.
    func bankPayment(amount: Money, booked: CivilDate, label: String) -> String
    func paidAwaitingLedger(payment: String, stillDue: Money?) -> String
    func creditReason(amount: Money, setAgainst: [(invoice: String, amount: Money)]) -> String
    func taskEscalatedReason(kind: WorkTask.Kind, since: CivilDate, step: String, dueOn: CivilDate) -> String
    func netCredit(_ nets: [Money]) -> String
    func belowMinimum(_ nets: [Money], minimum: Money) -> String
    func contactPlanned(step: String, invoices: [PlannedInvoice], reviewMode: Bool) -> String
    func taskPlanned(step: String, kind: WorkTask.Kind, invoices: [PlannedInvoice], reviewMode: Bool) -> String

    // MARK: Decisions about one invoice

    func disputedReason() -> String
    func coveredByCreditReason() -> String
    func noDueDateReason() -> String
    func stepBeforeDue(step: String, daysLate: Int) -> String
    func stepNeedsBalance(step: String, minimum: Money, balance: Money) -> String
    func ladderComplete(policy: String) -> String
    func notYetDue(daysLate: Int, due: CivilDate, step: String, on: CivilDate) -> String
    func missingRateHeld(step: String, _ rate: MissingRate) -> String
    /// An invoice the customer says it paid, held for the ledger.
    func paymentClaimed(paidOn: CivilDate?, means: String?, until: CivilDate) -> String

    // MARK: Tasks and their outcomes

    /// The phone line of a call task when every number is wrong.
    func noPhoneLeft() -> String
    /// The accountant's check once a claimed payment's wait is over.
    func checkPaymentTitle(customer: String, invoices: [String]) -> String
    func acknowledgementsTitle() -> String
    /// How to record an outcome by replying to the digest.
    func replyHelp() -> String
    /// The acknowledgement of an outcome sent by email, in the next digest.
    func acknowledgement(outcome: TaskOutcome, by: String) -> String
    /// The journal's line for an outcome recorded on a task (`relance customer` shows it).
    func outcomeJournal(taskID: Int64, kind: WorkTask.Kind, outcome: TaskOutcome, staysOpen: Bool,
                        retry: (attempt: Int, of: Int, on: CivilDate)?, by: String, channel: TaskOutcomeRequest.Channel) -> String
    /// A promise's hold, as the plan shows it in parentheses.
    func promiseHold(amount: Money?, taskID: Int64, by: String) -> String
    func disputedByTask(taskID: Int64) -> String

    // MARK: The mailbox

    func bounceCause(_ cause: BounceCause) -> String
    func wrongAddressCallTitle(address: String, cause: BounceCause) -> String
    func sendingRefusedTitle(cause: BounceCause) -> String
    func temporaryBouncesCallTitle(count: Int, days: Int, cause: BounceCause) -> String
    func complaintCallTitle() -> String
    func complaintHoldReason() -> String
    func readReplyTitle(customerKnown: Bool) -> String
    func replyHoldReason() -> String
    func promisedInReply(_ day: CivilDate) -> String
    func awayAutoReply(until: CivilDate) -> String
    // The journal's line for an inbound message, saying how it was tied to us (`matched`).
    func bounceSummary(_ matched: InboundMatch) -> String
    /// `actions` are RFC 3464 Action values (`delayed`, `delivered`…), lower-cased.
    func deliveryReportSummary(_ matched: InboundMatch, actions: [String]) -> String
    func autoReplySummary(_ matched: InboundMatch, back: CivilDate?) -> String
    /// `hints` are a reply's hint codes (`paid`, `promise:2026-12-15`).
    func replySummary(_ matched: InboundMatch, hints: [String]) -> String
    func complaintSummary(_ matched: InboundMatch) -> String
    func notUnderstoodSummary(_ matched: InboundMatch, why: InboundOtherReason?) -> String
    func bounceWithoutFailure(messageID: Int64) -> String
    func bounceWrongAddressUnnamed(messageID: Int64, cause: BounceCause) -> String

    // MARK: The bank

    func paymentNotLetteredTitle(booked: CivilDate, invoice: String, amount: Money) -> String
    func paymentNotLetteredAdvice() -> String
    /// The journal's line for a receipt matched to an invoice; `ledgerOpen` when it paid part of it.
    func bankMatched(invoice: String, payment: String, ledgerOpen: Money?, method: PaymentMatcher.Method) -> String
    func bankUnmatched(amount: Money, booked: CivilDate, payer: String?, remittance: String) -> String
    func bankOverpaid(amount: Money, booked: CivilDate, invoices: [String], extra: Money) -> String
    func bankStatementImported(file: String, format: String, newEntries: Int, knownEntries: Int, matched: Int,
                               invoices: Int, unmatched: Int, reversed: Int) -> String
}

extension ReasonWording {
    /// A French public holiday's own name: the calendar writes `Christmas Day (Noël)`.
    static func frenchHolidayName(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
        return String(name[name.index(after: open)..<name.index(before: name.endIndex)])
    }

    /// The calendar's English name without its French gloss.
    static func englishHolidayName(_ name: String) -> String {
        guard let open = name.range(of: " (", options: .backwards) else { return name }
        return String(name[..<open.lowerBound])
    }
}
