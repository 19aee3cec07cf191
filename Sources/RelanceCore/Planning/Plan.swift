/// What to do on one day, and what is held back, each with its reason.
public struct Plan: Sendable, Hashable, Codable {
    public var creditor: CreditorID
    public var date: CivilDate
    public var contacts: [PlannedContact]
    public var decisions: [PlanDecision]

    public init(creditor: CreditorID, date: CivilDate, contacts: [PlannedContact], decisions: [PlanDecision]) {
        self.creditor = creditor
        self.date = date
        self.contacts = contacts
        self.decisions = decisions
    }
}

/// One contact with one customer: a single message listing every invoice due for action.
public struct PlannedContact: Sendable, Hashable, Codable {
    public var customer: CustomerSummary
    /// The most advanced step among the invoices: it sets the message's tone and template.
    public var step: PolicyStep
    public var invoices: [PlannedInvoice]

    public init(customer: CustomerSummary, step: PolicyStep, invoices: [PlannedInvoice]) {
        self.customer = customer
        self.step = step
        self.invoices = invoices
    }
}

public struct PlannedInvoice: Sendable, Hashable, Codable {
    public var receivable: Receivable
    /// The step this contact takes for this invoice.
    public var step: String
    public var daysLate: Int

    public init(receivable: Receivable, step: String, daysLate: Int) {
        self.receivable = receivable
        self.step = step
        self.daysLate = daysLate
    }
}

/// A decision about one customer or invoice, for `relance plan` and the journal.
public struct PlanDecision: Sendable, Hashable, Codable {
    public enum Verdict: String, Sendable, Hashable, Codable {
        case act
        case wait
        case skip
    }

    public var customer: String
    public var invoice: String?
    public var verdict: Verdict
    public var reason: String

    public init(customer: String, invoice: String?, verdict: Verdict, reason: String) {
        self.customer = customer
        self.invoice = invoice
        self.verdict = verdict
        self.reason = reason
    }
}
