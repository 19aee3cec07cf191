public import Foundation

/// A message a previous run left `sending`: it may or may not have reached the server.
public struct InterruptedSend: Sendable, Hashable {
    public var id: Int64
    public var creditor: CreditorID
    public var customerID: Int64
    /// The `Message-ID` header value, angle brackets included: what the evidence is searched by.
    public var messageID: String
    /// When the interrupted attempt started (its `message.sending` event).
    public var attemptStartedAt: Date?

    public init(id: Int64, creditor: CreditorID, customerID: Int64, messageID: String, attemptStartedAt: Date?) {
        self.id = id
        self.creditor = creditor
        self.customerID = customerID
        self.messageID = messageID
        self.attemptStartedAt = attemptStartedAt
    }
}

/// A message sent, whose copy still has to be appended to the creditor's Sent folder.
public struct PendingSentCopy: Sendable, Hashable {
    public var id: Int64
    public var bytes: [UInt8]

    public init(id: Int64, bytes: [UInt8]) {
        self.id = id
        self.bytes = bytes
    }
}

/// The outbox operations beyond the happy path: deciding about interrupted sends from
/// server-side evidence, recording each recipient's answer, pausing a creditor's outbox
/// once, and the Sent-folder copies. Every decision appends its event in the same transaction.
public protocol OutboxRecoveryStore: Sendable {
    /// Messages left `sending` by a run that stopped mid-attempt, oldest first.
    func interruptedSends() async throws -> [InterruptedSend]

    /// `sending` → `sent`: the server-side evidence (archive copy, provider's Sent copy) shows
    /// the message went out. `evidence` says where it was found, worded for the event.
    func confirmSent(_ id: Int64, at time: Date, evidence: InterruptionEvidence) async throws

    /// `sending` → `queued`: the evidence source was searched after the delay and holds no
    /// copy, so the server never took the message: it is sent again.
    func requeueUnsent(_ id: Int64, at time: Date, evidence: InterruptionEvidence) async throws

    /// `sending` → `held`, for a person: no evidence source is configured (or it cannot be
    /// trusted). Opens a `review-message` task in the same transaction.
    func holdForReview(_ id: Int64, at time: Date, reason: InterruptionHoldReason) async throws

    /// `sending` → `sent` with each recipient's answer, in one transaction (one write per message
    /// is what the sending rate is made of): the `message.sent` event, the replies and their
    /// `address.refused` events, and the Sent-folder copy request when `copyToSent`.
    func markDelivered(_ id: Int64, at time: Date, serverReply: String, recipients: [RecipientReply], copyToSent: Bool) async throws

    /// `markDelivered`, then `claimNextMessage(now:skipping:)` in the same transaction: a worker
    /// that has just sent a message takes the next one with one write instead of two.
    func markDelivered(_ id: Int64, at time: Date, serverReply: String, recipients: [RecipientReply], copyToSent: Bool,
                       claimingNextAt now: Date, skipping: Set<CreditorID>) async throws -> OutboxMessage?

    /// Keeps each recipient's answer on the message, and appends an `address.refused` event
    /// (creditor, customer, address, role, reply) for each refusal that says the address is wrong.
    func recordRecipientReplies(_ id: Int64, _ replies: [RecipientReply], at time: Date) async throws

    /// Appends one `outbox.paused` alert for the creditor, unless one is already standing
    /// (recorded since the creditor's last successful send), with a `fix-configuration` task
    /// (one open per creditor). Returns whether the alert was recorded.
    @discardableResult
    func recordOutboxPaused(_ creditor: CreditorID, reason: String, at time: Date) async throws -> Bool

    /// The creditor's standing fault pause: the `outbox.paused` alert recorded since its last
    /// sent message and its last `outbox.resumed`, or nil. Its messages wait while it stands.
    func standingOutboxPause(of creditor: CreditorID) async throws -> OutboxPause?

    /// Lifts a standing fault pause (a person resumed, or the configuration was loaded again):
    /// appends `outbox.resumed`. Returns whether a pause was standing.
    @discardableResult
    func resumeOutbox(_ creditor: CreditorID, reason: String, at time: Date) async throws -> Bool

    /// Asks for a copy of a sent message in the creditor's Sent folder.
    func requestSentCopy(_ id: Int64) async throws
    func pendingSentCopies(of creditor: CreditorID, limit: Int) async throws -> [PendingSentCopy]
    func markSentCopyDone(_ id: Int64, at time: Date, folder: String) async throws
}
