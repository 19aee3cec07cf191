public import Foundation

/// A composed reminder waiting for a person: planned while its creditor is in review mode
/// (`awaiting-approval`), held because a crash left it unclear whether it
/// left (no evidence either way), or failed after its last retry. A person reads it, then sends
/// it (queued again: the outbox still cancels it if an invoice was settled or changed since) or
/// skips it (cancelled).
public struct MessageForReview: Sendable, Hashable {
    public var id: Int64
    public var creditor: CreditorID
    public var customerID: Int64
    public var step: String
    public var state: OutboxState
    public var raw: [UInt8]
    public var recipients: [String]
    /// Why it waits: the last error, or the hold's reason.
    public var reason: String?
    public var createdAt: Date

    public init(id: Int64, creditor: CreditorID, customerID: Int64, step: String, state: OutboxState, raw: [UInt8],
                recipients: [String], reason: String?, createdAt: Date) {
        self.id = id
        self.creditor = creditor
        self.customerID = customerID
        self.step = step
        self.state = state
        self.raw = raw
        self.recipients = recipients
        self.reason = reason
        self.createdAt = createdAt
    }
}

public enum MessageReviewDecision: String, Sendable, Hashable, CaseIterable {
    /// Queue it again, as it is (nothing in it is edited).
    case send
    /// Cancel it: it never leaves.
    case skip
}

public protocol MessageReviewStore: Sendable {
    /// Messages awaiting approval, held and failed, oldest first.
    func messagesToReview(of creditor: CreditorID?) async throws -> [MessageForReview]

    /// One transaction: the message queued (again) or cancelled, its `review-message` task closed,
    /// the journal saying who decided. `.send` on a message awaiting approval approves it.
    func decideMessage(_ id: Int64, _ decision: MessageReviewDecision, by person: String, at time: Date) async throws

    /// Review mode, before a day is planned: the messages still awaiting approval that were
    /// written on an earlier day are withdrawn (cancelled, their steps not counted as taken), so
    /// that the day's plan writes them again with today's figures — a person never approves a
    /// reminder whose days late, amounts or "falls due on" are out of date. Returns their ids.
    func withdrawStaleApprovals(of creditor: CreditorID, before day: CivilDate, at time: Date) async throws -> [Int64]
}
