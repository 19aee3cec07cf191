public import Foundation

/// A delivery the server accepted, waiting to be recorded with the others of its batch.
public struct DeliveryRecord: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var serverReply: String
    /// Each recipient's answer (refusals included), the archive's excluded.
    public var recipients: [RecipientReply]
    public var copyToSent: Bool

    public init(id: Int64, at: Date, serverReply: String, recipients: [RecipientReply], copyToSent: Bool) {
        self.id = id
        self.at = at
        self.serverReply = serverReply
        self.recipients = recipients
        self.copyToSent = copyToSent
    }
}

/// The outbox in batches: a worker claims several messages in one write, sends them one after
/// the other on its connection, then records their deliveries and claims the next batch in one
/// write again. A write per message was most of what sending cost (issue #17).
///
/// Every message of a batch is `sending` before the first byte of the first one leaves, so a
/// crash leaves the whole batch `sending`; each is then settled on its own from the server-side
/// evidence, by its Message-ID, exactly like a single interrupted message.
public protocol OutboxBatchStore: Sendable {
    /// Up to `limit` messages due now, marked `sending` in one transaction, in outbox order
    /// (the cancellations of `claimNextMessage` apply to each).
    func claimMessages(now: Date, skipping: Set<CreditorID>, limit: Int) async throws -> [OutboxMessage]

    /// In one transaction: `sending` → `sent` for each delivery (as `markDelivered` does),
    /// `sending` → back to `queued` or `retry` for each of `unclaimed` (claimed, never tried: its
    /// attempt is given back and a `message.unclaimed` event says so), then, when `limit` > 0,
    /// the next batch claimed.
    func settleBatch(delivered: [DeliveryRecord], unclaimed: [Int64], at time: Date,
                     claimingNext limit: Int, skipping: Set<CreditorID>) async throws -> [OutboxMessage]
}
