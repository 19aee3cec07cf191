public import Foundation

/// Where a poll of one folder stopped: every UID up to `lastUID` under `uidValidity` is done.
public struct MailboxMark: Sendable, Hashable {
    public var folder: String
    public var uidValidity: UInt32
    public var lastUID: UInt32
    /// When the mark last moved; a rescan after a UIDVALIDITY change looks back from here.
    public var polledAt: Date

    public init(folder: String, uidValidity: UInt32, lastUID: UInt32, polledAt: Date) {
        self.folder = folder
        self.uidValidity = uidValidity
        self.lastUID = lastUID
        self.polledAt = polledAt
    }
}

/// An incoming message that is ours (matched to a reminder or sent by a known contact).
public struct InboundRecord: Sendable, Hashable {
    /// The classifier's verdict, spelled as `inbound_message.kind` stores it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case bounce
        case autoreply
        case complaint
        case deliveryReport = "delivery-report"
        case reply
        case other
    }

    public var creditor: CreditorID
    public var folder: String
    public var uidValidity: UInt32
    public var uid: UInt32
    /// Its own Message-ID, without brackets: a rescan after a UIDVALIDITY change finds it again by this.
    public var rfcMessageID: String?
    public var kind: Kind
    /// The outbox message it answers or bounces, when a signed token said so.
    public var messageID: Int64?
    public var customerID: Int64?
    /// One sentence: what it is and how it was matched.
    public var summary: String
    public var excerpt: String?
    /// The bytes, kept for a person to read; nil when only the fact is worth keeping.
    public var raw: [UInt8]?

    public init(creditor: CreditorID, folder: String, uidValidity: UInt32, uid: UInt32, rfcMessageID: String?, kind: Kind,
                messageID: Int64?, customerID: Int64?, summary: String, excerpt: String?, raw: [UInt8]?) {
        self.creditor = creditor
        self.folder = folder
        self.uidValidity = uidValidity
        self.uid = uid
        self.rfcMessageID = rfcMessageID
        self.kind = kind
        self.messageID = messageID
        self.customerID = customerID
        self.summary = summary
        self.excerpt = excerpt
        self.raw = raw
    }
}

/// A task an inbound message asks for. The store adds what the person needs to act on the
/// customer (name, phone numbers, amount due, open invoices) when the task names a customer.
public struct InboundTaskRequest: Sendable, Hashable {
    public var kind: WorkTask.Kind
    public var title: String
    public var detail: [String: String]
    /// One open task per key: a second bounce of the same address adds nothing.
    public var dedupKey: String?
    /// False for tasks about our own setup (a refused sender): no customer is attached.
    public var aboutCustomer: Bool

    public init(kind: WorkTask.Kind, title: String, detail: [String: String] = [:], dedupKey: String? = nil,
                aboutCustomer: Bool = true) {
        self.kind = kind
        self.title = title
        self.detail = detail
        self.dedupKey = dedupKey
        self.aboutCustomer = aboutCustomer
    }
}

/// What an inbound message changes, applied by the store in the transaction that records
/// the message and advances the mark: a reaction happens exactly once, crash or not.
public enum InboundEffect: Sendable, Hashable {
    case markAddressInvalid(EmailAddress, reason: String, evidence: String?)
    case holdCustomer(CustomerHold.Kind, until: CivilDate?, reason: String)
    case openTask(InboundTaskRequest)
    /// Counts this temporary bounce (an event of kind `mail.bounce-temporary`) and opens
    /// `task` once the customer has had `threshold` of them since `since`.
    case countTemporaryBounce(threshold: Int, since: Date, task: InboundTaskRequest)
    /// A journal entry about the message's customer.
    case event(kind: String, summary: String)
    /// An outcome a person sent by email in reply to the digest, decided by `TaskOutcomeDecision`
    /// and applied by the same store operation as the CLI's. A task closed meanwhile is
    /// journaled as refused (`task.outcome-refused`) instead of failing the poll.
    case taskOutcome(TaskOutcomeApplication)
}

/// How a recorded message ended.
public struct InboundRecordOutcome: Sendable, Hashable {
    /// The stored row; nil when the message was a duplicate.
    public var inboundID: Int64?
    /// The same Message-ID was already recorded for the creditor (a rescan, or a copy in another folder): nothing done.
    public var duplicate: Bool
    /// Tasks opened now (not those that already existed under the same key).
    public var openedTasks: [Int64]

    public init(inboundID: Int64?, duplicate: Bool, openedTasks: [Int64]) {
        self.inboundID = inboundID
        self.duplicate = duplicate
        self.openedTasks = openedTasks
    }
}

/// An outbox message, as a matched bounce or reply needs to know it.
public struct SentMessageFacts: Sendable, Hashable {
    public var id: Int64
    public var customerID: Int64
    public var recipients: [EmailAddress]
    public var step: String

    public init(id: Int64, customerID: Int64, recipients: [EmailAddress], step: String) {
        self.id = id
        self.customerID = customerID
        self.recipients = recipients
        self.step = step
    }
}

/// The mailbox's side of the store: marks, the messages that are ours, and their effects.
public protocol InboundStore: Sendable {
    func mailboxMark(of creditor: CreditorID, folder: String) async throws -> MailboxMark?
    /// Moves the mark on its own (past messages that are not ours, or to a new UIDVALIDITY).
    func saveMailboxMark(_ mark: MailboxMark, of creditor: CreditorID) async throws
    /// Records `record`, applies `effects` and sets the mark to `mark`, all in one transaction.
    /// A message whose Message-ID the creditor already has is a duplicate: only the mark moves.
    func recordInbound(_ record: InboundRecord, effects: [InboundEffect], mark: MailboxMark,
                       at time: Date) async throws -> InboundRecordOutcome
    /// The creditor's outbox message with this id, when there is one.
    func sentMessage(_ id: Int64, of creditor: CreditorID) async throws -> SentMessageFacts?
    /// Customers of the creditor with this contact address.
    func customers(withContact address: EmailAddress, of creditor: CreditorID) async throws -> [Int64]
}
