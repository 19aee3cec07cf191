/// What the store knows about a creditor's customers beyond their invoices, as the planner
/// needs it: contacts-file details, the last contact about any invoice, the ledger's freshness.
public protocol PlanningFactsStore: Sendable {
    func planningFacts(of creditor: CreditorID) async throws -> StoredPlanningFacts
}

public struct StoredPlanningFacts: Sendable, Hashable {
    /// The as-of date of the newest applied snapshot of the authoritative source.
    public var latestAuthoritativeSnapshot: CivilDate?
    /// The last day each customer was contacted, about any invoice (settled ones included).
    public var lastContacts: [Int64: CivilDate]
    public var profiles: [Int64: StoredCustomerProfile]
    /// Customers with a message not yet delivered (queued, retrying, sending or held): the next
    /// contact waits for it, so that an outage never makes two reminders arrive back to back.
    public var pendingMessages: Set<Int64>
    /// Numbers a person found wrong, by customer (v6-task-outcomes).
    public var invalidPhones: [Int64: Set<String>] = [:]
    /// Invoices the customer says it paid, by invoice id, still waiting for the ledger.
    public var paymentClaims: [Int64: PaymentClaimHold] = [:]
    /// A person's do-not-remind, by customer (v12-console-review): apart from the contacts file's.
    public var personDoNotRemind: [Int64: PersonDoNotRemind] = [:]

    public init(latestAuthoritativeSnapshot: CivilDate?, lastContacts: [Int64: CivilDate], profiles: [Int64: StoredCustomerProfile],
                pendingMessages: Set<Int64> = []) {
        self.latestAuthoritativeSnapshot = latestAuthoritativeSnapshot
        self.lastContacts = lastContacts
        self.profiles = profiles
        self.pendingMessages = pendingMessages
    }
}

/// The contacts-file side of a customer.
public struct StoredCustomerProfile: Sendable, Hashable {
    public var doNotRemind: Bool
    public var phones: [String]
    public var postalAddress: [String]
    public var policy: String?
    public var initialStep: String?
    public var lastManualContact: CivilDate?

    public init(doNotRemind: Bool = false, phones: [String] = [], postalAddress: [String] = [], policy: String? = nil,
                initialStep: String? = nil, lastManualContact: CivilDate? = nil) {
        self.doNotRemind = doNotRemind
        self.phones = phones
        self.postalAddress = postalAddress
        self.policy = policy
        self.initialStep = initialStep
        self.lastManualContact = lastManualContact
    }
}
