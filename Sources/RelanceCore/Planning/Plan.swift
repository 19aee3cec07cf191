/// What to do on one day, and what is held back, each with its reason.
public struct Plan: Sendable, Hashable, Codable {
    public var creditor: CreditorID
    public var date: CivilDate
    /// Review mode: everything is planned and rendered for a person to read, nothing is sent.
    public var reviewOnly: Bool
    /// Email contacts: one message per customer.
    public var contacts: [PlannedContact]
    /// Non-email steps (calls, letters, formal notices, legal action, hand-offs): at most one per
    /// customer, and never for a customer who also has a contact.
    public var tasks: [PlannedTask]
    /// Open tasks whose outcome did not come in time: a person must be told.
    public var escalations: [TaskEscalation]
    /// Every decision — act, wait, skip — with its reason.
    public var decisions: [PlanDecision]

    public init(creditor: CreditorID, date: CivilDate, reviewOnly: Bool = false, contacts: [PlannedContact],
                tasks: [PlannedTask] = [], escalations: [TaskEscalation] = [], decisions: [PlanDecision]) {
        self.creditor = creditor
        self.date = date
        self.reviewOnly = reviewOnly
        self.contacts = contacts
        self.tasks = tasks
        self.escalations = escalations
        self.decisions = decisions
    }
}

/// One email to one customer listing every invoice due for action.
public struct PlannedContact: Sendable, Hashable, Codable {
    /// The customer, with only the addresses not known to be invalid.
    public var customer: CustomerSummary
    /// The most advanced step among the invoices: it sets the message's tone and template.
    public var step: PolicyStep
    public var invoices: [PlannedInvoice]
    /// Credits set against the oldest debits, to show in the message.
    public var allocations: [CreditAllocation]
    /// A promise to pay that was not kept: the message says so ("promesse non tenue"), once.
    public var brokenPromise: PromiseNotKept?

    public init(customer: CustomerSummary, step: PolicyStep, invoices: [PlannedInvoice], allocations: [CreditAllocation] = [],
                brokenPromise: PromiseNotKept? = nil) {
        self.brokenPromise = brokenPromise
        self.customer = customer
        self.step = step
        self.invoices = invoices
        self.allocations = allocations
    }
}

/// The day (and amount, when given) a customer promised to pay, and did not.
public struct PromiseNotKept: Sendable, Hashable, Codable {
    public var promisedFor: CivilDate
    public var amount: Money?

    public init(promisedFor: CivilDate, amount: Money?) {
        self.promisedFor = promisedFor
        self.amount = amount
    }
}

public struct PlannedInvoice: Sendable, Hashable, Codable {
    public var receivable: Receivable
    /// The step this contact takes for this invoice (recorded in its history).
    public var step: String
    public var daysLate: Int
    /// The open amount less the credits allocated to it: what is asked for.
    public var claimed: Money

    public init(receivable: Receivable, step: String, daysLate: Int, claimed: Money? = nil) {
        self.receivable = receivable
        self.step = step
        self.daysLate = daysLate
        self.claimed = claimed ?? receivable.open
    }
}

/// A decision about one customer or invoice, for `relance plan` and the journal.
public struct PlanDecision: Sendable, Hashable, Codable {
    public enum Verdict: String, Sendable, Hashable, Codable {
        case act
        case wait
        case skip
    }

    /// The rule behind the decision, for filtering and JSON (`relance plan --json`).
    public enum Rule: String, Sendable, Hashable, Codable, CaseIterable {
        case due
        case notYetDue = "not-yet-due"
        case reviewMode = "review-mode"
        case creditorHold = "creditor-hold"
        case creditorPaused = "creditor-paused"
        case staleLedger = "stale-ledger"
        case nonBusinessDay = "non-business-day"
        case interval
        case doNotRemind = "do-not-remind"
        case replyToRead = "reply-to-read"
        case awayUntil = "away-until"
        case promiseToPay = "promise-to-pay"
        case complaint
        case manualPause = "manual-pause"
        case openTask = "open-task"
        case taskEscalated = "task-escalated"
        /// A letter nobody recorded as posted: the next step waits (#13).
        case letterNotPosted = "letter-not-posted"
        /// The customer says it paid: the invoice waits for the ledger (#13).
        case paymentClaimed = "payment-claimed"
        /// A promise to pay that was not kept: the ladder resumes with a mention of it.
        case promiseBroken = "promise-broken"
        case disputed
        case netCredit = "net-credit"
        case belowThreshold = "below-threshold"
        case credit
        case coveredByCredit = "covered-by-credit"
        case invalidAddress = "invalid-address"
        case noDueDate = "no-due-date"
        case missingRate = "missing-rate"
        case stepNotApplicable = "step-not-applicable"
        case ladderComplete = "ladder-complete"
        /// A bank statement shows the invoice paid; the ledger has not lettered it yet.
        case paidAwaitingLedger = "paid-awaiting-ledger"
        case other
    }

    public var customer: String
    public var invoice: String?
    public var verdict: Verdict
    public var rule: Rule
    /// The reason as facts, worded when read (`reason`).
    public var because: PlanReason

    /// The reason in the creditor's words.
    public var reason: String {
        get { because.text }
        set { because = .worded(newValue) }
    }

    public init(customer: String, invoice: String?, verdict: Verdict, rule: Rule = .other, reason: String) {
        self.init(customer: customer, invoice: invoice, verdict: verdict, rule: rule, because: .worded(reason))
    }

    public init(customer: String, invoice: String?, verdict: Verdict, rule: Rule = .other, because: PlanReason) {
        self.customer = customer
        self.invoice = invoice
        self.verdict = verdict
        self.rule = rule
        self.because = because
    }

    /// The reason is written under its old name, `reason`, in its words.
    private enum CodingKeys: String, CodingKey {
        case customer, invoice, verdict, rule
        case because = "reason"
    }
}

/// A task still open past the time allowed for its outcome.
public struct TaskEscalation: Sendable, Hashable, Codable {
    public var customer: String
    public var task: OpenTask
    /// The day the outcome was due.
    public var dueOn: CivilDate

    public init(customer: String, task: OpenTask, dueOn: CivilDate) {
        self.customer = customer
        self.task = task
        self.dueOn = dueOn
    }
}
