public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: OutboxBatchStore {
    public func claimMessages(now: Date, skipping: Set<CreditorID>, limit: Int) async throws -> [OutboxMessage] {
        let skipped = Self.creditorList(skipping)
        return try await writer.write { db in try Self.claim(limit, now: now, skipped: skipped, in: db) }
    }

    public func settleBatch(delivered: [DeliveryRecord], unclaimed: [Int64], at time: Date,
                            claimingNext limit: Int, skipping: Set<CreditorID>) async throws -> [OutboxMessage] {
        let skipped = Self.creditorList(skipping)
        return try await writer.write { db in
            // The whole batch's deliveries in a few statements (`recordDeliveries`), not a few per message.
            try Self.recordDeliveries(delivered, in: db)
            for id in unclaimed { try Self.unclaim(id, at: time, in: db) }
            return try Self.claim(limit, now: time, skipped: skipped, in: db)
        }
    }

    /// Back to where the claim found it: `retry` keeps its due time, `queued` has none.
    private static func unclaim(_ id: Int64, at time: Date, in db: Database) throws {
        try db.executeCached("""
            UPDATE message SET state = CASE WHEN next_attempt_at IS NULL THEN 'queued' ELSE 'retry' END,
            attempts = attempts - 1 WHERE id = ? AND state = 'sending'
            """, [id])
        guard db.changesCount == 1 else { throw StoreError(.invalidState, "message #\(id) is not sending: it cannot be put back") }
        let row = try db.rowCached("SELECT creditor_id, customer_id FROM message WHERE id = ?", [id])
        let creditor: String = row?["creditor_id"] ?? ""
        try append(NewEvent(time: time, kind: "message.unclaimed", creditor: CreditorID(creditor), customerID: row?["customer_id"],
                            messageID: id, summary: try wording(of: creditor, in: db).messageUnclaimed(messageID: id)), in: db)
    }
}
