public import Foundation

/// Something a person must do: a call, a reply to read, a letter to print and send…
/// The ladder waits for a task's outcome before its next step.
public struct WorkTask: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case call
        case readReply = "read-reply"
        case letter
        case registeredLetter = "registered-letter"
        case formalNotice = "formal-notice"
        case legalAction = "legal-action"
        case handOff = "hand-off"
        /// A message held after a crash, to check and release or cancel.
        case reviewMessage = "review-message"
        /// Our own configuration is wrong (a password, a certificate): not the customer's fault.
        case fixConfiguration = "fix-configuration"
        /// An invoice whose customer could not be resolved, or who has no usable contact.
        case identifyCustomer = "identify-customer"
        /// The customer says it paid, the ledger still shows the invoice open after `paid_wait_days`:
        /// the accountant checks the bank (v6-task-outcomes).
        case checkPayment = "check-payment"

        /// Tasks of one family are open at most once per customer (a partial unique index): the
        /// ladder updates its open call, and a new letter supersedes an unposted one.
        public var family: String? {
            switch self {
            case .call: "call"
            case .letter, .registeredLetter, .formalNotice: "letter"
            case .legalAction: "legal-action"
            case .handOff: "hand-off"
            case .readReply, .reviewMessage, .fixConfiguration, .identifyCustomer, .checkPayment: nil
            }
        }

        /// A letter counts as sent only once a person records it posted.
        public var needsPosting: Bool { family == "letter" }
    }

    public enum State: String, Sendable, Hashable, Codable {
        case open
        case done
        case cancelled
    }

    public var id: Int64
    public var creditor: CreditorID
    public var customerID: Int64?
    public var kind: Kind
    public var state: State
    public var title: String
    public var detail: [String: String]
    public var step: String?
    public var invoiceIDs: [Int64]
    public var createdAt: Date
    public var dueOn: CivilDate?
    public var outcome: TaskOutcome?
    public var closedAt: Date?
    /// The printable document (a letter's HTML page) or dossier folder made for the task.
    public var documentPath: String?
    /// The day the task's current step was taken: when it was opened, or when the ladder moved
    /// an open call on to a later step.
    public var stepOn: CivilDate?
    /// Calls made without an answer for the current step, and the business day of the next try.
    public var attempts: Int = 0
    public var retryOn: CivilDate?
    /// When a letter's outcome wait (`escalate_after_days`) ran out without it being posted.
    public var escalatedAt: Date?

    public init(id: Int64, creditor: CreditorID, customerID: Int64?, kind: Kind, state: State, title: String,
                detail: [String: String], step: String?, invoiceIDs: [Int64], createdAt: Date, dueOn: CivilDate?,
                outcome: TaskOutcome?, closedAt: Date?, documentPath: String? = nil) {
        self.id = id
        self.creditor = creditor
        self.customerID = customerID
        self.kind = kind
        self.state = state
        self.title = title
        self.detail = detail
        self.step = step
        self.invoiceIDs = invoiceIDs
        self.createdAt = createdAt
        self.dueOn = dueOn
        self.outcome = outcome
        self.closedAt = closedAt
        self.documentPath = documentPath
    }
}

/// A task to open. With a `dedupKey`, at most one such task is open per creditor: a second
/// bounce for the same wrong address adds nothing.
public struct NewTask: Sendable, Hashable {
    public var creditor: CreditorID
    public var customerID: Int64?
    public var kind: WorkTask.Kind
    public var title: String
    public var detail: [String: String]
    public var dedupKey: String?
    public var step: String?
    public var invoiceIDs: [Int64]
    public var dueOn: CivilDate?
    public var messageID: Int64?
    public var documentPath: String?

    public init(creditor: CreditorID, customerID: Int64?, kind: WorkTask.Kind, title: String, detail: [String: String] = [:],
                dedupKey: String? = nil, step: String? = nil, invoiceIDs: [Int64] = [], dueOn: CivilDate? = nil,
                messageID: Int64? = nil, documentPath: String? = nil) {
        self.creditor = creditor
        self.customerID = customerID
        self.kind = kind
        self.title = title
        self.detail = detail
        self.dedupKey = dedupKey
        self.step = step
        self.invoiceIDs = invoiceIDs
        self.dueOn = dueOn
        self.messageID = messageID
        self.documentPath = documentPath
    }
}

/// How a task ended, or what a person recorded about it (issue #13). Stored as a code and its
/// parameters; the closed set of codes is also a CHECK in the store.
public enum TaskOutcome: Sendable, Hashable, Codable {
    /// The customer promised to pay (an amount) by a date: the ladder holds until then.
    case promisedToPay(on: CivilDate, amount: Money? = nil)
    /// The customer disputes these invoices (numbers; none named: all of the task's).
    case dispute(invoices: [String], reason: String? = nil)
    /// The customer's dispute is over (on these invoices; none named: all it disputes): the
    /// invoices go back on the ladder where they were.
    case disputeResolved(invoices: [String], note: String? = nil)
    /// The number called is wrong (that number, or every number of the task when nil).
    case wrongNumber(phone: String? = nil)
    /// The customer says it paid: the invoices wait for the ledger.
    case paid(on: CivilDate? = nil, means: String? = nil)
    case noAnswer
    /// A letter recorded before v6 (kept readable).
    case letterSent(trackingNumber: String?)
    /// A letter posted on a day; a registered letter has its tracking number, maybe the day its
    /// acknowledgement of receipt was signed.
    case letterPosted(on: CivilDate, trackingNumber: String? = nil, acknowledgedOn: CivilDate? = nil)
    case acknowledged(on: CivilDate)
    /// A corrected email address for the customer, used until the next contacts file.
    case newAddress(EmailAddress)
    case done(note: String?)
    case cancelled(reason: String)
    /// A letter replaced by a later one before it was posted (its document is kept).
    case superseded(by: Int64)

    /// The value stored in `task.outcome`.
    public var code: String {
        switch self {
        case .promisedToPay: "promised"
        case .dispute: "dispute"
        case .disputeResolved: "dispute-resolved"
        case .wrongNumber: "wrong-number"
        case .paid: "paid"
        case .noAnswer: "no-answer"
        case .letterSent: "letter-sent"
        case .letterPosted: "letter-posted"
        case .acknowledged: "acknowledged"
        case .newAddress: "new-address"
        case .done: "done"
        case .cancelled: "cancelled"
        case .superseded: "superseded"
        }
    }

    /// The outcome's parameters, stored as JSON beside the code.
    public var parameters: [String: String] {
        var result: [String: String] = [:]
        switch self {
        case .promisedToPay(let date, let amount):
            result["date"] = date.iso8601
            if let amount { result["amount"] = amount.decimalString; result["currency"] = amount.currency.code }
        case .dispute(let invoices, let reason):
            result["invoices"] = invoices.joined(separator: ",")
            result["reason"] = reason
        case .disputeResolved(let invoices, let note):
            result["invoices"] = invoices.joined(separator: ",")
            result["note"] = note
        case .wrongNumber(let phone): result["phone"] = phone
        case .paid(let date, let means):
            result["date"] = date?.iso8601
            result["means"] = means
        case .letterSent(let tracking): result["tracking"] = tracking
        case .letterPosted(let date, let tracking, let acknowledged):
            result["date"] = date.iso8601
            result["tracking"] = tracking
            result["acknowledged"] = acknowledged?.iso8601
        case .acknowledged(let date): result["date"] = date.iso8601
        case .newAddress(let address): result["email"] = address.value
        case .done(let note): result["note"] = note
        case .cancelled(let reason): result["reason"] = reason
        case .superseded(let id): result["by"] = String(id)
        case .noAnswer: break
        }
        return result
    }

    public init?(code: String, parameters: [String: String]) {
        let date = parameters["date"].flatMap { CivilDate(iso8601: $0) }
        switch code {
        case "promised":
            guard let date else { return nil }
            var amount: Money?
            if let text = parameters["amount"] {
                guard let currency = Currency(code: parameters["currency"] ?? "EUR"),
                      let parsed = Money(decimal: text, currency: currency) else { return nil }
                amount = parsed
            }
            self = .promisedToPay(on: date, amount: amount)
        case "dispute":
            let invoices = (parameters["invoices"] ?? parameters["invoice"] ?? "")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            self = .dispute(invoices: invoices, reason: parameters["reason"])
        case "dispute-resolved":
            let invoices = (parameters["invoices"] ?? "")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            self = .disputeResolved(invoices: invoices, note: parameters["note"])
        case "wrong-number": self = .wrongNumber(phone: parameters["phone"])
        case "paid": self = .paid(on: date, means: parameters["means"])
        case "no-answer": self = .noAnswer
        case "letter-sent": self = .letterSent(trackingNumber: parameters["tracking"])
        case "letter-posted":
            guard let date else { return nil }
            self = .letterPosted(on: date, trackingNumber: parameters["tracking"],
                                 acknowledgedOn: parameters["acknowledged"].flatMap { CivilDate(iso8601: $0) })
        case "acknowledged":
            guard let date else { return nil }
            self = .acknowledged(on: date)
        case "new-address":
            guard let address = parameters["email"].flatMap({ EmailAddress($0) }) else { return nil }
            self = .newAddress(address)
        case "done": self = .done(note: parameters["note"])
        case "cancelled": self = .cancelled(reason: parameters["reason"] ?? "")
        case "superseded":
            guard let id = parameters["by"].flatMap({ Int64($0) }) else { return nil }
            self = .superseded(by: id)
        default: return nil
        }
    }
}
