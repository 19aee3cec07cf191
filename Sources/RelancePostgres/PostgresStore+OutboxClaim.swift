import Foundation
import PostgresNIO
import RelanceCore

/// Claiming due messages a batch per statement on PostgreSQL (issue #17), as SQLite's
/// `AppDatabase.claim`: the candidates locked `FOR UPDATE SKIP LOCKED` and read with their bytes
/// in one query, what might stop one of them looked for in one query over all, the claim one
/// `UPDATE` (this daemon's, with its lease), their recipients one read, their creditors'
/// languages one, their attempts one journal `INSERT`.
extension PostgresStore {
    /// Up to `limit` due messages claimed in the caller's transaction, in id order: each
    /// `sending`, claimed by this daemon for the settings' `claimDuration`, its attempt counted
    /// and journalled. One that must not go out any more is cancelled on the way, and the claim
    /// looks further. Messages another daemon is claiming right now are passed over, not waited for.
    func claimBatch(_ limit: Int, now: Date, skipping: Set<CreditorID>, on connection: PostgresConnection) async throws -> [OutboxMessage] {
        let skipped = skipping.map(\.rawValue).sorted()
        let claimSeconds = Double(settings.claimDuration.components.seconds)
        var claimed: [OutboxMessage] = []
        while claimed.count < limit {
            let rows = try await connection.liveQuery("""
                SELECT m.id, m.creditor_id, m.customer_id, m.step, m.rfc_message_id, m.envelope_from, COALESCE(b.raw, '\\x'::bytea),
                       m.attempts, m.created_at
                FROM message m LEFT JOIN message_body b ON b.message_id = m.id
                WHERE m.state IN ('queued', 'retry') AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= \(now))
                AND NOT (m.creditor_id = ANY(\(skipped)))
                ORDER BY m.id LIMIT \(Int64(limit - claimed.count)) FOR UPDATE OF m SKIP LOCKED
                """, logger: logger)
            var candidates: [(id: Int64, creditor: String, customerID: Int64, step: String, messageID: String, envelopeFrom: String,
                              raw: ByteBuffer, attempts: Int64, queuedAt: Date)] = []
            for try await row in rows.decode((Int64, String, Int64, String, String, String, ByteBuffer, Int64, Date).self) {
                candidates.append(row)
            }
            if candidates.isEmpty { break }
            // The exact reason (and its precedence) is asked only of the few a cheap look flags.
            let flagged = try await mayBeStopped(candidates.map(\.id), now: now, on: connection)
            var taking: [Int64] = []
            for candidate in candidates {
                if flagged.contains(candidate.id), let reason = try await stopReason(candidate.id, customerID: candidate.customerID,
                                                                                    now: now, on: connection) {
                    try await cancelAtClaim(candidate.id, because: reason, creditor: candidate.creditor, customerID: candidate.customerID,
                                            at: now, on: connection)
                } else {
                    taking.append(candidate.id)
                }
            }
            if taking.isEmpty { continue }
            try await connection.liveQuery("""
                UPDATE message SET state = 'sending', attempts = attempts + 1, claimed_by = \(daemonID),
                    claim_expires_at = clock_timestamp() + make_interval(secs => \(claimSeconds))
                WHERE id = ANY(\(taking))
                """, logger: logger)
            var recipients: [Int64: [EmailAddress]] = [:]
            let addresses = try await connection.liveQuery("""
                SELECT message_id, address FROM message_recipient WHERE message_id = ANY(\(taking)) ORDER BY message_id, role DESC, address
                """, logger: logger)
            for try await (id, address) in addresses.decode((Int64, String).self) {
                if let parsed = EmailAddress(address) { recipients[id, default: []].append(parsed) }
            }
            let taken = Set(taking)
            let words = try await Self.wordings(of: Set(candidates.filter { taken.contains($0.id) }.map(\.creditor)),
                                                on: connection, logger: logger)
            var attempts: [NewEvent] = []
            for candidate in candidates where taken.contains(candidate.id) {
                let wording = words[candidate.creditor] ?? Language.english.wording
                guard let creditor = CreditorID(candidate.creditor), let from = EmailAddress(candidate.envelopeFrom) else {
                    throw PostgresStoreError(.corrupt, "message #\(candidate.id) has an invalid creditor or envelope sender",
                                             context: ["message": "\(candidate.id)"])
                }
                attempts.append(NewEvent(time: now, kind: "message.sending", creditor: creditor, customerID: candidate.customerID,
                                         messageID: candidate.id, summary: wording.messageAttempt(Int(candidate.attempts) + 1, messageID: candidate.id)))
                claimed.append(OutboxMessage(id: candidate.id, creditor: creditor, customerID: candidate.customerID, step: candidate.step,
                                             messageID: candidate.messageID, envelopeFrom: from, recipients: recipients[candidate.id] ?? [],
                                             bytes: Array(candidate.raw.readableBytesView), attempts: Int(candidate.attempts) + 1,
                                             queuedAt: candidate.queuedAt))
            }
            // The attempts journalled in one statement, in the order of the claim.
            try await Self.append(attempts, on: connection, logger: logger)
        }
        return claimed
    }

    /// Of `ids`, those something might stop: the conditions of `reasonToCancel` and
    /// `customerHold`, in one query.
    private func mayBeStopped(_ ids: [Int64], now: Date, on connection: PostgresConnection) async throws -> Set<Int64> {
        let day = CivilDate(now, in: TimeZone(identifier: "UTC")!).iso8601
        let rows = try await connection.liveQuery("""
            SELECT mi.message_id FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id JOIN message msg ON msg.id = mi.message_id
            WHERE mi.message_id = ANY(\(ids))
            AND (i.status <> 'open' OR i.disputed_since IS NOT NULL
                 OR i.open_minor - COALESCE((SELECT SUM(bm.amount_minor) FROM bank_match bm
                     WHERE bm.invoice_id = i.id AND bm.state IN ('awaiting-ledger', 'reported') AND bm.ledger_open_minor = i.open_minor), 0)
                    <> mi.stated_open_minor
                 OR EXISTS (SELECT 1 FROM bank_match bm WHERE bm.invoice_id = i.id AND bm.state IN ('awaiting-ledger', 'reported')
                            AND bm.ledger_open_minor = i.open_minor AND bm.matched_at >= msg.created_at))
            UNION
            SELECT m.id FROM message m JOIN customer_hold h ON h.customer_id = m.customer_id
            WHERE m.id = ANY(\(ids)) AND h.released_at IS NULL AND (h.until_on IS NULL OR h.until_on >= \(day)::date)
            """, logger: logger)
        var flagged = Set<Int64>()
        for try await id in rows.decode(Int64.self) { flagged.insert(id) }
        return flagged
    }
}
