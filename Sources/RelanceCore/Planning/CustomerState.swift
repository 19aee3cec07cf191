/// What is known about a customer beyond the ledger, gathered by the caller from the store
/// and the contacts file: pauses, bad addresses, open tasks, disputes, manual history.
public struct CustomerState: Sendable, Hashable, Codable {
    /// Never remind this customer (contacts file or command).
    public var doNotRemind: Bool
    /// Live pauses from the store (reply to read, away, promise to pay, complaint, manual).
    /// A promise to pay ends the day after its date only once a snapshot dated after it shows
    /// the debt still open.
    public var holds: [CustomerHold]
    /// Addresses known to bounce for this creditor. An email step with no address left
    /// becomes a phone call.
    public var invalidAddresses: Set<EmailAddress>
    /// Tasks created for earlier steps and still without an outcome.
    public var openTasks: [OpenTask]
    /// Invoices the customer disputes: frozen alone, the others go on.
    public var disputedInvoiceIDs: Set<Int64>
    /// The step already reached by hand before Relance (contacts file): earlier steps are
    /// not taken again.
    public var stepReached: String?
    /// The last contact made outside Relance (contacts file), which counts for the interval
    /// and as the date of `stepReached`.
    public var lastManualContact: CivilDate?
    /// The last day Relance contacted this customer about any invoice, including invoices
    /// settled since (whose history the planner no longer sees): it counts for the interval.
    public var lastContact: CivilDate?
    /// A policy for this customer instead of the creditor's (contacts file).
    public var policy: Policy?
    /// Phone numbers, for call tasks.
    public var phoneNumbers: [String]
    /// Postal address lines, for letters.
    public var postalAddress: [String]
    /// Payments a bank statement shows for this customer's invoices, not yet in the ledger;
    /// the receivables given to the planner are already reduced by them.
    public var bankPayments: [BankPayment] = []
    /// Invoices the customer says it paid (by invoice id), waiting for the ledger.
    public var paymentClaims: [Int64: PaymentClaimHold] = [:]
    /// A person's do-not-remind (console or CLI), with why and who: no reminder while it lasts.
    public var personDoNotRemind: PersonDoNotRemind?

    public init(doNotRemind: Bool = false, holds: [CustomerHold] = [], invalidAddresses: Set<EmailAddress> = [],
                openTasks: [OpenTask] = [], disputedInvoiceIDs: Set<Int64> = [], stepReached: String? = nil,
                lastManualContact: CivilDate? = nil, lastContact: CivilDate? = nil, policy: Policy? = nil, phoneNumbers: [String] = [],
                postalAddress: [String] = []) {
        self.doNotRemind = doNotRemind
        self.holds = holds
        self.invalidAddresses = invalidAddresses
        self.openTasks = openTasks
        self.disputedInvoiceIDs = disputedInvoiceIDs
        self.stepReached = stepReached
        self.lastManualContact = lastManualContact
        self.lastContact = lastContact
        self.policy = policy
        self.phoneNumbers = phoneNumbers
        self.postalAddress = postalAddress
    }
}

/// An invoice held because the customer says it paid it.
public struct PaymentClaimHold: Sendable, Hashable, Codable {
    public var paidOn: CivilDate?
    public var means: String?
    public var waitUntil: CivilDate

    public init(paidOn: CivilDate?, means: String?, waitUntil: CivilDate) {
        self.paidOn = paidOn
        self.means = means
        self.waitUntil = waitUntil
    }
}

/// A task of an earlier step that has no outcome yet.
public struct OpenTask: Sendable, Hashable, Codable {
    public var kind: WorkTask.Kind
    public var step: String
    /// The day the task's step was taken (opened, or moved on to it).
    public var since: CivilDate
    public var taskID: Int64?
    /// Calls made without an answer, and the day of the next try.
    public var attempts: Int = 0
    public var retryOn: CivilDate?

    public init(kind: WorkTask.Kind, step: String, since: CivilDate) {
        self.kind = kind
        self.step = step
        self.since = since
    }
}
