public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: OutboxStore {
    public func enqueue(_ draft: MessageDraft, at time: Date,
                        compose: @Sendable (Int64) throws -> ComposedMail) async throws -> Int64? {
        try await writer.write { db in
            for mention in draft.invoices {
                let taken = try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM message_invoice WHERE invoice_id = ? AND step = ? AND cancelled = 0
                    """, arguments: [mention.invoiceID, mention.step]) ?? false
                if taken { return nil }
            }
            // Messages are never deleted (purges blank their bytes), so max + 1 inside the
            // write transaction is the id SQLite would assign: the token can be signed first.
            let id = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM message") ?? 0) + 1
            let mail = try compose(id)
            try db.execute(sql: """
                INSERT INTO message (id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, raw, state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)
                """, arguments: [id, draft.creditor.rawValue, draft.customerID, draft.step, draft.plannedOn.iso8601,
                                 mail.messageID, mail.envelopeFrom.value, Data(mail.bytes), time])
            for (role, addresses) in [("to", draft.to), ("cc", draft.cc)] {
                for address in addresses {
                    try db.execute(sql: "INSERT OR IGNORE INTO message_recipient (message_id, address, role) VALUES (?, ?, ?)",
                                   arguments: [id, address.value, role])
                }
            }
            for mention in draft.invoices {
                try db.execute(sql: "INSERT INTO message_invoice (message_id, invoice_id, step, stated_open_minor) VALUES (?, ?, ?, ?)",
                               arguments: [id, mention.invoiceID, mention.step, mention.open.minorUnits])
            }
            try Self.append(NewEvent(time: time, kind: "message.queued", creditor: draft.creditor, customerID: draft.customerID,
                                     messageID: id, summary: "Queued \(draft.step) to \(draft.to.map(\.value).joined(separator: ", ")) for \(draft.invoices.count) invoice(s), planned on \(draft.plannedOn).",
                                     detail: ["message_id": mail.messageID]), in: db)
            return id
        }
    }

    public func claimNextMessage(now: Date, skipping: Set<CreditorID> = []) async throws -> OutboxMessage? {
        let skipped = try String(decoding: JSONEncoder().encode(skipping.map(\.rawValue)), as: UTF8.self)
        return try await writer.write { db in
            while let row = try Row.fetchOne(db, sql: """
                SELECT * FROM message INDEXED BY message_claimable
                WHERE state IN ('queued', 'retry') AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                AND creditor_id NOT IN (SELECT value FROM json_each(?))
                ORDER BY id LIMIT 1
                """, arguments: [now, skipped]) {
                let id: Int64 = row["id"]
                if let reason = try Self.reasonToCancel(messageID: id, in: db)
                    ?? Self.customerHold(customerID: row["customer_id"], now: now, in: db) {
                    try Self.transition(id, to: .cancelled, at: now, in: db, kind: "message.cancelled",
                                        summary: "Message #\(id) cancelled before sending: \(reason).")
                    try db.execute(sql: "UPDATE message_invoice SET cancelled = 1 WHERE message_id = ?", arguments: [id])
                    continue
                }
                let attempts: Int = row["attempts"]
                try db.execute(sql: "UPDATE message SET state = 'sending', attempts = attempts + 1 WHERE id = ?", arguments: [id])
                try Self.append(NewEvent(time: now, kind: "message.sending", creditor: CreditorID(row["creditor_id"]),
                                         customerID: row["customer_id"], messageID: id,
                                         summary: "Attempt \(attempts + 1) to send message #\(id)."), in: db)
                let recipients = try String.fetchAll(db, sql: "SELECT address FROM message_recipient WHERE message_id = ? ORDER BY role DESC, address",
                                                     arguments: [id]).compactMap { EmailAddress($0) }
                guard let creditor = CreditorID(row["creditor_id"]), let from = EmailAddress(row["envelope_from"] as String) else {
                    throw StoreError(.corrupt, "message #\(id) has an invalid creditor or envelope sender")
                }
                let raw: Data = row["raw"]
                return OutboxMessage(id: id, creditor: creditor, customerID: row["customer_id"], step: row["step"],
                                     messageID: row["rfc_message_id"], envelopeFrom: from, recipients: recipients,
                                     bytes: [UInt8](raw), attempts: attempts + 1, queuedAt: row["created_at"])
            }
            return nil
        }
    }

    public func markSent(_ id: Int64, at time: Date, serverReply: String) async throws {
        try await writer.write { db in
            try Self.requireState(id, in: [.sending], in: db)
            try db.execute(sql: "UPDATE message SET state = 'sent', sent_at = ?, server_reply = ?, next_attempt_at = NULL WHERE id = ?",
                           arguments: [time, serverReply, id])
            try Self.appendMessageEvent(id, kind: "message.sent", at: time, summary: try Self.sentSummary(id, serverReply: serverReply, in: db), in: db)
        }
    }

    /// "Sent first-reminder #12 to C001 Client Un (compta@…); server said: 250 …": what the
    /// journal, the customer's timeline and the digest show of a delivery.
    static func sentSummary(_ id: Int64, serverReply: String, in db: Database) throws -> String {
        let row = try Row.fetchOne(db, sql: """
            SELECT m.step, c.external_id, c.name,
                   (SELECT group_concat(address, ', ') FROM message_recipient WHERE message_id = m.id) AS recipients
            FROM message m JOIN customer c ON c.id = m.customer_id WHERE m.id = ?
            """, arguments: [id])
        let customer = [row?["external_id"] as String?, row?["name"] as String?].compactMap { $0 }.joined(separator: " ")
        return "Sent \(row?["step"] as String? ?? "message") #\(id) to \(customer) (\(row?["recipients"] as String? ?? "")); server said: \(serverReply)"
    }

    public func markForRetry(_ id: Int64, at time: Date, retryAt: Date, reason: String) async throws {
        try await writer.write { db in
            try Self.requireState(id, in: [.sending], in: db)
            try db.execute(sql: "UPDATE message SET state = 'retry', next_attempt_at = ?, last_error = ? WHERE id = ?",
                           arguments: [retryAt, reason, id])
            try Self.appendMessageEvent(id, kind: "message.retry", at: time,
                                        summary: "Message #\(id) not sent (\(reason)); next attempt at \(retryAt).", in: db)
        }
    }

    public func markFailed(_ id: Int64, at time: Date, reason: String) async throws {
        try await writer.write { db in
            try Self.requireState(id, in: [.sending], in: db)
            try db.execute(sql: "UPDATE message SET state = 'failed', last_error = ?, next_attempt_at = NULL WHERE id = ?",
                           arguments: [reason, id])
            try Self.appendMessageEvent(id, kind: "message.failed", at: time, summary: "Message #\(id) failed: \(reason)", in: db)
        }
    }

    public func holdInterruptedSends(at time: Date) async throws -> [Int64] {
        try await writer.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM message WHERE state = 'sending' ORDER BY id")
            for id in ids {
                try Self.transition(id, to: .held, at: time, in: db, kind: "message.held", summary: """
                    Message #\(id) was being sent when Relance stopped: it may or may not have reached the server. \
                    It is held, not resent blindly; check the recipient's mailbox or the Sent folder, then release or cancel it.
                    """)
            }
            return ids
        }
    }

    public func outboxCounts() async throws -> [OutboxState: Int] {
        try await writer.read { db in
            var counts: [OutboxState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM message GROUP BY state") {
                if let state = OutboxState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    /// Why a message must not go out any more: an invoice it speaks of was settled or its
    /// open amount changed since it was composed (the text would state a wrong amount).
    private static func reasonToCancel(messageID: Int64, in db: Database) throws -> String? {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.number, i.status, i.open_minor, i.disputed_since, mi.stated_open_minor
            FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id WHERE mi.message_id = ?
            """, arguments: [messageID])
        for row in rows {
            let number: String = row["number"]
            if (row["status"] as String) != "open" { return "invoice \(number) is settled" }
            if (row["disputed_since"] as String?) != nil { return "invoice \(number) is disputed" }
            if (row["open_minor"] as Int64) != (row["stated_open_minor"] as Int64) {
                return "the open amount of invoice \(number) changed since the message was written"
            }
        }
        return nil
    }

    /// A live pause of the customer (a reply to read, a promise, a complaint…) stops the
    /// message: it was written before the customer said something. Dates compare in UTC here,
    /// a day's margin the planner's own check (in the creditor's time zone) makes irrelevant.
    private static func customerHold(customerID: Int64, now: Date, in db: Database) throws -> String? {
        let day = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        guard let row = try Row.fetchOne(db, sql: """
            SELECT kind, reason FROM customer_hold WHERE customer_id = ? AND released_at IS NULL
            AND (until_on IS NULL OR until_on >= ?) ORDER BY id LIMIT 1
            """, arguments: [customerID, day]) else { return nil }
        return "the customer is paused (\(row["kind"] as String): \(row["reason"] as String))"
    }

    private static func requireState(_ id: Int64, in states: Set<OutboxState>, in db: Database) throws {
        guard let raw = try String.fetchOne(db, sql: "SELECT state FROM message WHERE id = ?", arguments: [id]) else {
            throw StoreError(.notFound, "message #\(id) does not exist")
        }
        guard let state = OutboxState(rawValue: raw), states.contains(state) else {
            throw StoreError(.invalidState, "message #\(id) is \(raw), expected \(states.map(\.rawValue).sorted().joined(separator: " or "))")
        }
    }

    private static func transition(_ id: Int64, to state: OutboxState, at time: Date, in db: Database, kind: String, summary: String) throws {
        try db.execute(sql: "UPDATE message SET state = ?, next_attempt_at = NULL WHERE id = ?", arguments: [state.rawValue, id])
        try appendMessageEvent(id, kind: kind, at: time, summary: summary, in: db)
    }

    private static func appendMessageEvent(_ id: Int64, kind: String, at time: Date, summary: String, in db: Database) throws {
        let row = try Row.fetchOne(db, sql: "SELECT creditor_id, customer_id FROM message WHERE id = ?", arguments: [id])
        try append(NewEvent(time: time, kind: kind, creditor: (row?["creditor_id"] as String?).flatMap(CreditorID.init),
                            customerID: row?["customer_id"], messageID: id, summary: summary), in: db)
    }
}
