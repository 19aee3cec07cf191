/// An open invoice (or credit) as the planner sees it, with the customer's contact
/// addresses and what was already done about it.
public struct Receivable: Sendable, Hashable, Codable {
    public var invoiceID: Int64
    public var number: String
    public var customer: CustomerSummary
    public var issued: CivilDate?
    public var due: CivilDate?
    public var open: Money
    public var total: Money?
    /// Reminder steps already taken for this invoice, oldest first.
    public var history: [StepTaken]
    /// What bank statements show received for it that the ledger has not lettered yet (at most
    /// its open amount): nil when none. Set by `Receivable.netOfBankPayments`.
    public var received: Money?

    /// What is still demanded: the ledger's open amount less what the bank shows received —
    /// the planner's figure, and the aged balance's.
    public var demanded: Money {
        guard let received else { return open }
        return Money(minorUnits: open.minorUnits - received.minorUnits, currency: open.currency)
    }

    public init(invoiceID: Int64, number: String, customer: CustomerSummary, issued: CivilDate?, due: CivilDate?,
                open: Money, total: Money?, history: [StepTaken]) {
        self.invoiceID = invoiceID
        self.number = number
        self.customer = customer
        self.issued = issued
        self.due = due
        self.open = open
        self.total = total
        self.history = history
    }
}

public struct CustomerSummary: Sendable, Hashable, Codable {
    public var id: Int64
    /// The id in the creditor's books.
    public var externalID: String
    public var name: String?
    public var language: Language?
    public var emails: [EmailAddress]
    /// Addresses in copy of every message (the contacts file's cc column).
    public var cc: [EmailAddress]

    public init(id: Int64, externalID: String, name: String?, language: Language?, emails: [EmailAddress], cc: [EmailAddress] = []) {
        self.id = id
        self.externalID = externalID
        self.name = name
        self.language = language
        self.emails = emails
        self.cc = cc
    }
}

/// One step of the ladder already taken for an invoice: a message queued or sent, or a task
/// created (and, once done, its outcome).
public struct StepTaken: Sendable, Hashable, Codable {
    public var step: String
    public var on: CivilDate
    /// For an email step, where its message is. A cancelled message does not count as taken.
    public var messageState: OutboxState
    /// How the step was taken; nil means email (history written before tasks existed).
    public var channel: PolicyStep.Channel?
    /// A task's recorded outcome; nil for an email or a task still open.
    public var outcome: TaskOutcome?

    public init(step: String, on: CivilDate, messageState: OutboxState, channel: PolicyStep.Channel? = nil,
                outcome: TaskOutcome? = nil) {
        self.step = step
        self.on = on
        self.messageState = messageState
        self.channel = channel
        self.outcome = outcome
    }

    /// True when the step really reached the customer or was really done, so that a letter
    /// may recall it: a sent email, or a task with a recorded outcome (never a call nobody made).
    public var happened: Bool {
        switch channel ?? .email {
        case .email: messageState == .sent
        default: outcome?.actionHappened ?? false
        }
    }

    /// False for a message cancelled before it left (the invoice was paid or changed).
    public var counts: Bool { messageState != .cancelled }
}
