import Foundation
import GRDB
import RelanceCore

/// Claiming due messages, a batch per statement (issue #17): the candidates are read in one
/// query with their bytes, what might stop one of them is looked for in one query over all of
/// them, the claim itself is one `UPDATE`, and their recipients one read. Row by row, a batch
/// of 200 took some 1,400 statements; now about ten, plus the journal's line for each.
extension AppDatabase {
    /// Up to `limit` due messages claimed in the caller's transaction, in id order: each
    /// `sending`, its attempt counted and journalled. A message that must not go out any more
    /// (`reasonToCancel`, `customerHold`) is cancelled on the way and the claim looks further.
    /// `skipped` is a JSON array of creditor ids.
    static func claim(_ limit: Int, now: Date, skipped: String, in db: Database) throws -> [OutboxMessage] {
        var claimed: [OutboxMessage] = []
        while claimed.count < limit {
            let candidates = try db.rowsCached("""
                SELECT m.id, m.creditor_id, m.customer_id, m.step, m.rfc_message_id, m.envelope_from, m.attempts, m.created_at,
                       b.raw
                FROM message m INDEXED BY message_claimable LEFT JOIN message_body b ON b.message_id = m.id
                WHERE m.state IN ('queued', 'retry') AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= ?)
                AND m.creditor_id NOT IN (SELECT value FROM json_each(?))
                ORDER BY m.id LIMIT ?
                """, [StoredTime.text(now), skipped, limit - claimed.count])
            if candidates.isEmpty { break }
            let ids = candidates.map { $0["id"] as Int64 }
            // The exact reason (and its precedence) is asked only of the few a cheap look flags.
            let flagged = try mayBeStopped(ids, now: now, in: db)
            var taking: [Row] = []
            for row in candidates {
                let id: Int64 = row["id"]
                if flagged.contains(id), let reason = try reasonToCancel(messageID: id, in: db)
                    ?? customerHold(customerID: row["customer_id"], now: now, in: db) {
                    try cancel(id, because: reason, creditor: row["creditor_id"], at: now, in: db)
                } else {
                    taking.append(row)
                }
            }
            if taking.isEmpty { continue }
            let takenIDs = jsonArray(taking.map { $0["id"] as Int64 })
            try db.executeCached("""
                UPDATE message SET state = 'sending', attempts = attempts + 1 WHERE id IN (SELECT value FROM json_each(?))
                """, [takenIDs])
            var recipients: [Int64: [EmailAddress]] = [:]
            for row in try db.rowsCached("""
                SELECT message_id, address FROM message_recipient WHERE message_id IN (SELECT value FROM json_each(?))
                ORDER BY message_id, role DESC, address
                """, [takenIDs]) {
                if let address = EmailAddress(row["address"] as String) { recipients[row["message_id"], default: []].append(address) }
            }
            var words: [String: any Wording] = [:]
            var lines: [NewEvent] = []
            for row in taking {
                let id: Int64 = row["id"], attempts: Int = row["attempts"], creditorText: String = row["creditor_id"]
                let wording = try words[creditorText] ?? wording(of: creditorText, in: db)
                words[creditorText] = wording
                guard let creditor = CreditorID(creditorText), let from = EmailAddress(row["envelope_from"] as String) else {
                    throw StoreError(.corrupt, "message #\(id) has an invalid creditor or envelope sender")
                }
                lines.append(NewEvent(time: now, kind: "message.sending", creditor: creditor, customerID: row["customer_id"], messageID: id,
                                      summary: wording.messageAttempt(attempts + 1, messageID: id)))
                let raw: Data = (row["raw"] as Data?) ?? Data()
                claimed.append(OutboxMessage(id: id, creditor: creditor, customerID: row["customer_id"], step: row["step"],
                                             messageID: row["rfc_message_id"], envelopeFrom: from, recipients: recipients[id] ?? [],
                                             bytes: [UInt8](raw), attempts: attempts + 1, queuedAt: row["created_at"]))
            }
            try appendSendingLines(lines, in: db)
        }
        return claimed
    }

    /// The claimed messages' `message.sending` lines, in claim order, a few hundred to a statement
    /// (issue #17: one `INSERT` per message was a third of a claim's time in the store).
    private static func appendSendingLines(_ lines: [NewEvent], in db: Database) throws {
        let noDetail = EventDetailJSON.encode([:])
        for part in sendingLines.parts(of: lines) {
            var arguments: [(any DatabaseValueConvertible)?] = []
            arguments.reserveCapacity(part.count * 6)
            for line in part {
                arguments += [StoredTime.text(line.time), line.creditor?.rawValue, line.customerID, line.messageID, line.summary.printable, noDetail]
            }
            try db.executeCached(sendingLines.sql(rows: part.count), StatementArguments(arguments))
        }
    }

    private static let sendingLines = MultiRowStatement("""
        INSERT INTO event (at, kind, creditor_id, customer_id, message_id, summary, detail)
        SELECT column1, 'message.sending', column2, column3, column4, column5, column6 FROM (VALUES
        """, columns: 6, tail: ")", rowsPerStatement: deliveriesPerStatement)

    /// Of `ids`, those something might stop: an invoice no longer open as the message stated it
    /// (settled, disputed, its open amount changed, paid at the bank since), or a live pause of
    /// the customer. The same conditions as `reasonToCancel` and `customerHold`, in one query;
    /// a flagged message is then asked which, one by one.
    private static func mayBeStopped(_ ids: [Int64], now: Date, in db: Database) throws -> Set<Int64> {
        Set(try db.valuesCached("""
            SELECT mi.message_id FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id
            WHERE mi.message_id IN (SELECT value FROM json_each(?1))
            AND (i.status <> 'open' OR i.disputed_since IS NOT NULL OR i.open_minor - \(bankPaidSQL) <> mi.stated_open_minor
                 OR EXISTS (SELECT 1 FROM bank_match bm JOIN message msg ON msg.id = mi.message_id
                            WHERE bm.invoice_id = i.id AND bm.state IN ('awaiting-ledger', 'reported')
                            AND bm.ledger_open_minor = i.open_minor AND bm.matched_at >= msg.created_at))
            UNION
            SELECT m.id FROM message m JOIN customer_hold h ON h.customer_id = m.customer_id
            WHERE m.id IN (SELECT value FROM json_each(?1)) AND h.released_at IS NULL AND (h.until_on IS NULL OR h.until_on >= ?2)
            """, [jsonArray(ids), CivilDate(now, in: utc).iso8601], as: Int64.self))
    }

    private static func cancel(_ id: Int64, because reason: MessageCancelReason, creditor: String, at now: Date, in db: Database) throws {
        try transition(id, to: .cancelled, at: now, in: db, kind: "message.cancelled",
                       summary: try wording(of: creditor, in: db).messageCancelled(messageID: id, because: reason))
        try db.execute(sql: "UPDATE message_invoice SET cancelled = 1 WHERE message_id = ?", arguments: [id])
    }

    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
