public import Foundation
import PostgresNIO
public import RelanceCore

/// The outbox in batches, shared by several daemons: a batch's claim locks its messages
/// `FOR UPDATE SKIP LOCKED` in one query (`claimBatch`: each claimed by this daemon, with its
/// lease), and settling a batch records its deliveries — by their claimer only, in a few
/// statements for the whole batch — and claims the next in one transaction again.
extension PostgresStore: OutboxBatchStore {
    public func claimMessages(now: Date, skipping: Set<CreditorID>, limit: Int) async throws -> [OutboxMessage] {
        try await transaction { connection in try await claimBatch(limit, now: now, skipping: skipping, on: connection) }
    }

    public func settleBatch(delivered: [DeliveryRecord], unclaimed: [Int64], at time: Date,
                            claimingNext limit: Int, skipping: Set<CreditorID>) async throws -> [OutboxMessage] {
        try await transaction { connection in
            // The whole batch's deliveries in four statements (`recordDeliveries`), not five or more per message.
            try await recordDeliveries(delivered, on: connection)
            for id in unclaimed { try await unclaim(id, at: time, on: connection) }
            return try await claimBatch(limit, now: time, skipping: skipping, on: connection)
        }
    }

    /// Back to where the claim found it (`retry` keeps its due time, `queued` has none), the
    /// attempt given back and the claim ended: any daemon may take it again. Only the claimer
    /// may put a message back; one whose claim lapsed and was taken over by another daemon is no
    /// longer this daemon's to put back, and is left to that daemon (nothing was sent of it).
    private func unclaim(_ id: Int64, at time: Date, on connection: PostgresConnection) async throws {
        // Whatever its state: a message this daemon still holds but that is no longer `sending` (it
        // recorded it already) is refused below, as before; only one another daemon took is left.
        let claim = try await connection.liveQuery("SELECT claimed_by FROM message WHERE id = \(id) FOR UPDATE", logger: logger)
        var claimer: String?
        for try await row in claim.decode(String?.self) { claimer = row }
        guard claimer == daemonID else { return }
        let words = try await requireClaimed(id, on: connection)
        try await connection.liveQuery("""
            UPDATE message SET state = CASE WHEN next_attempt_at IS NULL THEN 'queued' ELSE 'retry' END,
                attempts = attempts - 1, claimed_by = NULL, claim_expires_at = NULL
            WHERE id = \(id)
            """, logger: logger)
        try await Self.appendMessageEvent(id, kind: "message.unclaimed", at: time, summary: words.messageUnclaimed(messageID: id),
                                          on: connection, logger: logger)
    }
}
