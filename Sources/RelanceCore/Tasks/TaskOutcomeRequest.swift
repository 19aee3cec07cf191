/// An outcome a person records for a task, from the CLI, an emailed reply or the console:
/// all three build this value and go through `TaskOutcomeDecision` then one store operation.
public struct TaskOutcomeRequest: Sendable, Hashable {
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        case cli
        case email
        case console
    }

    public var taskID: Int64
    public var outcome: TaskOutcome
    /// Who recorded it (a name, the Unix user, or the address an email came from).
    public var recordedBy: String
    public var channel: Channel
    /// The emailed reply that carried it.
    public var inboundID: Int64?

    public init(taskID: Int64, outcome: TaskOutcome, recordedBy: String, channel: Channel, inboundID: Int64? = nil) {
        self.taskID = taskID
        self.outcome = outcome
        self.recordedBy = recordedBy
        self.channel = channel
        self.inboundID = inboundID
    }
}

/// What the store knows of a task when an outcome comes in.
public struct TaskOutcomeFacts: Sendable, Hashable {
    public struct Invoice: Sendable, Hashable {
        public var id: Int64
        public var number: String

        public init(id: Int64, number: String) {
            self.id = id
            self.number = number
        }
    }

    public var task: WorkTask
    /// The task's invoices that are still open.
    public var invoices: [Invoice]
    /// The customer's phone numbers not marked invalid.
    public var phones: [String]
    /// The customer's open invoices under dispute (whichever task recorded it), for `dispute-resolved`.
    public var disputedInvoices: [Invoice]
    /// The task's own invoices under dispute, whatever their state: a promise or a payment
    /// announced on the task ends their dispute (#11).
    public var taskDisputedInvoiceIDs: [Int64]

    public init(task: WorkTask, invoices: [Invoice], phones: [String], disputedInvoices: [Invoice] = [],
                taskDisputedInvoiceIDs: [Int64] = []) {
        self.task = task
        self.invoices = invoices
        self.phones = phones
        self.disputedInvoices = disputedInvoices
        self.taskDisputedInvoiceIDs = taskDisputedInvoiceIDs
    }
}

/// The settings outcomes depend on (policy keys, see examples/relance.toml).
public struct TaskOutcomeSettings: Sendable, Hashable {
    /// Calls without an answer before the ladder goes on to its next step.
    public var noAnswerAttempts: Int
    /// Days a payment the customer announced waits for the ledger before the accountant checks.
    public var paidWaitDays: Int
    /// The creditor's language, for the words written into the task.
    public var language: Language

    public init(noAnswerAttempts: Int = 3, paidWaitDays: Int = 10, language: Language = .english) {
        self.noAnswerAttempts = noAnswerAttempts
        self.paidWaitDays = paidWaitDays
        self.language = language
    }
}

/// Everything one recorded outcome changes, applied by the store in one transaction.
public struct TaskOutcomeApplication: Sendable, Hashable {
    public struct Promise: Sendable, Hashable {
        public var until: CivilDate
        public var amount: Money?
        /// The hold's reason, in the creditor's words (`relance plan` shows it).
        public var reason: String = ""
    }

    public struct PaymentClaim: Sendable, Hashable {
        public var invoiceIDs: [Int64]
        public var paidOn: CivilDate?
        public var means: String?
        /// After this day, with the invoices still open, a `check-payment` task is opened.
        public var waitUntil: CivilDate
    }

    public struct Posting: Sendable, Hashable {
        public var postedOn: CivilDate
        public var trackingNumber: String?
        public var acknowledgedOn: CivilDate?
    }

    public var request: TaskOutcomeRequest
    public var creditor: CreditorID
    public var customerID: Int64?
    /// False for a call still to retry (no answer, another number to try).
    public var closesTask: Bool
    /// Calls made without an answer for the task's step, after this one.
    public var attempts: Int?
    public var retryOn: CivilDate?
    public var promise: Promise?
    public var disputedInvoiceIDs: [Int64] = []
    /// Why they are disputed, in the creditor's words (the person's reason, else the task's).
    public var disputeReason = ""
    /// Invoices whose dispute ends (`dispute-resolved`, or a promise or a payment announced on a
    /// task about them): back on the ladder where they were.
    public var resolvedDisputeInvoiceIDs: [Int64] = []
    /// Why their dispute ended, in the creditor's words.
    public var disputeEndReason = ""
    /// `dispute-resolved` on the task that recorded the dispute, closed since: the outcome is
    /// recorded beside the task's, which stays closed as it was.
    public var recordsOnClosedTask = false
    public var paymentClaim: PaymentClaim?
    public var invalidPhones: [String] = []
    /// Task details rewritten (the numbers left to call, or where to find one).
    public var detailUpdates: [String: String] = [:]
    public var newAddress: EmailAddress?
    /// Why the new address is no longer invalid, in the creditor's words.
    public var newAddressReason = ""
    public var posting: Posting?
    /// A claimed payment this task was about, settled by the check (`check-payment` tasks).
    public var resolvesPaymentClaims = false
    /// The line of the customer's timeline (English, as the journal is; `relance customer` shows it).
    public var journal: String

    public init(request: TaskOutcomeRequest, creditor: CreditorID, customerID: Int64?, closesTask: Bool, journal: String) {
        self.request = request
        self.creditor = creditor
        self.customerID = customerID
        self.closesTask = closesTask
        self.journal = journal
    }
}

/// Why an outcome was refused, with what to do.
public struct TaskOutcomeError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case closed = "task-closed"
        case notForThisTask = "outcome-not-for-task"
        case missingValue = "missing-value"
        case unknownInvoice = "unknown-invoice"
        case futureDate = "future-date"
        case noDispute = "no-dispute"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(message) [\(code.rawValue)]" }
}
