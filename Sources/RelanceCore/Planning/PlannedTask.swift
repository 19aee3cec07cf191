/// A non-email step for a person (or a printer) to carry out: a call, a letter, a formal
/// notice, a legal action or a hand-off, with everything needed to do it.
public struct PlannedTask: Sendable, Hashable, Codable {
    /// The store's task kinds: a planned task becomes a `WorkTask` of the same kind.
    public typealias Kind = WorkTask.Kind

    public var kind: Kind
    public var customer: CustomerSummary
    /// The step that sets the task (the most advanced among the invoices).
    public var step: PolicyStep
    /// The invoices the task is about; for a formal document, only those that reached its step:
    /// it demands payment of these.
    public var invoices: [PlannedInvoice]
    /// Other invoices due for an earlier step today: a formal document lists them as "also
    /// outstanding" without demanding them. Their steps are taken too.
    public var alsoOutstanding: [PlannedInvoice]
    /// Open invoices the customer disputes: a document lists them as disputed and demands
    /// nothing of them until the dispute is resolved.
    public var disputed: [Receivable] = []
    public var allocations: [CreditAllocation]
    /// Principal, interest to date, indemnities, total: for the formal documents.
    public var breakdown: StatutoryBreakdown?
    /// Actions that really happened before, oldest first: sent emails, tasks with an outcome,
    /// contacts made by hand.
    public var priorActions: [PriorAction]
    public var phoneNumbers: [String]
    public var postalAddress: [String]
    /// For a legal action: the court route proposed from the amount.
    public var proposedProcedure: LegalProcedure?
    /// For a formal notice: the day by which payment is demanded.
    public var paymentDeadline: CivilDate?
    /// Why this is a task rather than what the policy says, when it differs (an email step
    /// without a valid address becomes a call).
    public var note: String?

    public init(kind: Kind, customer: CustomerSummary, step: PolicyStep, invoices: [PlannedInvoice],
                alsoOutstanding: [PlannedInvoice] = [], allocations: [CreditAllocation] = [],
                breakdown: StatutoryBreakdown? = nil, priorActions: [PriorAction] = [],
                phoneNumbers: [String] = [], postalAddress: [String] = [], proposedProcedure: LegalProcedure? = nil,
                paymentDeadline: CivilDate? = nil, note: String? = nil) {
        self.kind = kind
        self.customer = customer
        self.step = step
        self.invoices = invoices
        self.alsoOutstanding = alsoOutstanding
        self.allocations = allocations
        self.breakdown = breakdown
        self.priorActions = priorActions
        self.phoneNumbers = phoneNumbers
        self.postalAddress = postalAddress
        self.proposedProcedure = proposedProcedure
        self.paymentDeadline = paymentDeadline
        self.note = note
    }

    /// Every invoice whose step this task takes.
    public var allInvoices: [PlannedInvoice] { invoices + alsoOutstanding }
}

/// Something done before, as a letter recalls it.
public struct PriorAction: Sendable, Hashable, Codable {
    public var on: CivilDate
    public var step: String
    public var channel: PolicyStep.Channel?
    public var invoices: [String]
    /// A task's outcome, or how the action is known ("contact made by hand").
    public var detail: String?

    public init(on: CivilDate, step: String, channel: PolicyStep.Channel?, invoices: [String], detail: String? = nil) {
        self.on = on
        self.step = step
        self.channel = channel
        self.invoices = invoices
        self.detail = detail
    }
}

extension WorkTask.Kind {
    /// The task a step of `channel` creates; nil for email.
    public init?(channel: PolicyStep.Channel) {
        switch channel {
        case .email: return nil
        case .phone: self = .call
        case .letter: self = .letter
        case .registeredLetter: self = .registeredLetter
        case .formalNotice: self = .formalNotice
        case .legalAction: self = .legalAction
        case .handOff: self = .handOff
        }
    }
}

extension WorkTask.Kind {
    /// The ladder channel a task of this kind carries out; nil for tasks outside the ladder.
    public var channel: PolicyStep.Channel? {
        switch self {
        case .call: .phone
        case .letter: .letter
        case .registeredLetter: .registeredLetter
        case .formalNotice: .formalNotice
        case .legalAction: .legalAction
        case .handOff: .handOff
        case .readReply, .reviewMessage, .fixConfiguration, .identifyCustomer, .checkPayment: nil
        }
    }
}
