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

/// How a task ended; the outcomes that feed the ladder (issue #4).
public enum TaskOutcome: Sendable, Hashable, Codable {
    case promisedToPay(on: CivilDate)
    case dispute(invoice: String)
    case wrongNumber
    case paid
    case noAnswer
    case letterSent(trackingNumber: String?)
    case acknowledged(on: CivilDate)
    case done(note: String?)
    case cancelled(reason: String)

    /// The value stored in `task.outcome`.
    public var code: String {
        switch self {
        case .promisedToPay: "promised"
        case .dispute: "dispute"
        case .wrongNumber: "wrong-number"
        case .paid: "paid"
        case .noAnswer: "no-answer"
        case .letterSent: "letter-sent"
        case .acknowledged: "acknowledged"
        case .done: "done"
        case .cancelled: "cancelled"
        }
    }

    /// The outcome's parameters, stored as JSON beside the code.
    public var parameters: [String: String] {
        switch self {
        case .promisedToPay(let date): ["date": date.iso8601]
        case .dispute(let invoice): ["invoice": invoice]
        case .letterSent(let tracking): tracking.map { ["tracking": $0] } ?? [:]
        case .acknowledged(let date): ["date": date.iso8601]
        case .done(let note): note.map { ["note": $0] } ?? [:]
        case .cancelled(let reason): ["reason": reason]
        case .wrongNumber, .paid, .noAnswer: [:]
        }
    }

    public init?(code: String, parameters: [String: String]) {
        switch code {
        case "promised":
            guard let date = parameters["date"].flatMap({ CivilDate(iso8601: $0) }) else { return nil }
            self = .promisedToPay(on: date)
        case "dispute":
            guard let invoice = parameters["invoice"] else { return nil }
            self = .dispute(invoice: invoice)
        case "wrong-number": self = .wrongNumber
        case "paid": self = .paid
        case "no-answer": self = .noAnswer
        case "letter-sent": self = .letterSent(trackingNumber: parameters["tracking"])
        case "acknowledged":
            guard let date = parameters["date"].flatMap({ CivilDate(iso8601: $0) }) else { return nil }
            self = .acknowledged(on: date)
        case "done": self = .done(note: parameters["note"])
        case "cancelled": self = .cancelled(reason: parameters["reason"] ?? "")
        default: return nil
        }
    }
}
