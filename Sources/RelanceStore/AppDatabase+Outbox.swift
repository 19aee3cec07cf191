public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: OutboxStore {
    public func claimNextMessage(now: Date, skipping: Set<CreditorID> = []) async throws -> OutboxMessage? {
        let skipped = Self.creditorList(skipping)
        return try await writer.write { db in try Self.claimNext(now: now, skipped: skipped, in: db) }
    }

    /// The creditors a claim skips, as the JSON array `claimNext` reads with `json_each`.
    static func creditorList(_ creditors: Set<CreditorID>) -> String {
        EventDetailJSON.encode(creditors.map(\.rawValue).sorted())
    }

    /// The claim itself, within the caller's transaction (`markDelivered(…claimingNextAt:)` runs
    /// it in the same one). `skipped` is a JSON array of creditor ids.
    static func claimNext(now: Date, skipped: String, in db: Database) throws -> OutboxMessage? {
        try claim(1, now: now, skipped: skipped, in: db).first
    }

    /// A delivery without recipients' answers or a Sent-folder copy: recorded as any other
    /// (`recordDeliveries` of one), so its checks and journal line are a batch's.
    public func markSent(_ id: Int64, at time: Date, serverReply: String) async throws {
        try await writer.write { db in
            try Self.delivered(id, at: time, serverReply: serverReply, recipients: [], copyToSent: false, in: db)
        }
    }

    /// What recording a delivery needs to know of each message, read in one statement by
    /// message id: its state, who it belongs to, and the words of its summary.
    static func deliveryFacts(_ ids: [Int64], in db: Database) throws -> [Int64: Row] {
        let rows = try db.rowsCached("""
            SELECT m.id, m.state, m.step, m.creditor_id, m.customer_id, c.external_id, c.name,
                   (SELECT language FROM creditor WHERE id = m.creditor_id) AS language,
                   (SELECT group_concat(address, ', ') FROM message_recipient WHERE message_id = m.id) AS recipients
            FROM message m LEFT JOIN customer c ON c.id = m.customer_id WHERE m.id IN (SELECT value FROM json_each(?))
            """, [jsonArray(ids)])
        return Dictionary(rows.map { ($0["id"] as Int64, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// "Sent first-reminder #12 to C001 Client Un (compta@…); server said: 250 …": what the
    /// journal, the customer's timeline and the digest show of a delivery.
    static func sentSummary(_ id: Int64, of facts: Row?, serverReply: String) -> String {
        let customer = [facts?["external_id"] as String?, facts?["name"] as String?].compactMap { $0 }.joined(separator: " ")
        return wording(language: facts?["language"]).messageSent(
            step: facts?["step"], messageID: id, customer: customer, recipients: facts?["recipients"] ?? "", serverReply: serverReply)
    }

    public func markForRetry(_ id: Int64, at time: Date, retryAt: Date, reason: String) async throws {
        try await writer.write { db in
            try Self.requireState(id, in: [.sending], in: db)
            try db.execute(sql: "UPDATE message SET state = 'retry', next_attempt_at = ?, last_error = ? WHERE id = ?",
                           arguments: [retryAt, reason, id])
            try Self.appendMessageEvent(id, kind: "message.retry", at: time,
                                        summary: try Self.messageWording(id, in: db).messageRetry(messageID: id, reason: reason, retryAt: retryAt), in: db)
        }
    }

    public func markFailed(_ id: Int64, at time: Date, reason: String) async throws {
        try await writer.write { db in
            try Self.requireState(id, in: [.sending], in: db)
            try db.execute(sql: "UPDATE message SET state = 'failed', last_error = ?, next_attempt_at = NULL WHERE id = ?",
                           arguments: [reason, id])
            try Self.appendMessageEvent(id, kind: "message.failed", at: time,
                                        summary: try Self.messageWording(id, in: db).messageFailed(messageID: id, reason: reason), in: db)
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
    static func reasonToCancel(messageID: Int64, in db: Database) throws -> MessageCancelReason? {
        let rows = try db.rowsCached("""
            SELECT i.number, i.status, i.disputed_since, mi.stated_open_minor,
                   i.open_minor - \(Self.bankPaidSQL) AS open_minor
            FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id WHERE mi.message_id = ?
            """, [messageID])
        if let paid = try Self.bankPaidInvoice(messageID: messageID, in: db) {
            return .paidAtTheBank(invoice: paid)
        }
        for row in rows {
            let number: String = row["number"]
            if (row["status"] as String) != "open" { return .settled(invoice: number) }
            if (row["disputed_since"] as String?) != nil { return .disputed(invoice: number) }
            if (row["open_minor"] as Int64) != (row["stated_open_minor"] as Int64) { return .amountChanged(invoice: number) }
        }
        return nil
    }

    /// A live pause of the customer (a reply to read, a promise, a complaint…) stops the
    /// message: it was written before the customer said something. Dates compare in UTC here,
    /// a day's margin the planner's own check (in the creditor's time zone) makes irrelevant.
    static func customerHold(customerID: Int64, now: Date, in db: Database) throws -> MessageCancelReason? {
        let day = CivilDate(now, in: utc).iso8601
        guard let row = try db.rowCached("""
            SELECT kind, reason FROM customer_hold WHERE customer_id = ? AND released_at IS NULL
            AND (until_on IS NULL OR until_on >= ?) ORDER BY id LIMIT 1
            """, [customerID, day]) else { return nil }
        return .customerPaused(kind: row["kind"], reason: row["reason"])
    }

    static let utc = TimeZone(identifier: "UTC")!

    /// The words of the creditor a message belongs to.
    static func messageWording(_ id: Int64, in db: Database) throws -> any Wording {
        try wording(of: try db.valueCached("SELECT creditor_id FROM message WHERE id = ?", [id], as: String.self) ?? "", in: db)
    }

    private static func requireState(_ id: Int64, in states: Set<OutboxState>, in db: Database) throws {
        guard let raw = try db.valueCached("SELECT state FROM message WHERE id = ?", [id], as: String.self) else {
            throw StoreError(.notFound, "message #\(id) does not exist")
        }
        guard let state = OutboxState(rawValue: raw), states.contains(state) else {
            throw StoreError(.invalidState, "message #\(id) is \(raw), expected \(states.map(\.rawValue).sorted().joined(separator: " or "))")
        }
    }

    static func transition(_ id: Int64, to state: OutboxState, at time: Date, in db: Database, kind: String, summary: String) throws {
        try db.executeCached("UPDATE message SET state = ?, next_attempt_at = NULL WHERE id = ?", [state.rawValue, id])
        try appendMessageEvent(id, kind: kind, at: time, summary: summary, in: db)
    }

    private static func appendMessageEvent(_ id: Int64, kind: String, at time: Date, summary: String, in db: Database) throws {
        let row = try db.rowCached("SELECT creditor_id, customer_id FROM message WHERE id = ?", [id])
        try append(NewEvent(time: time, kind: kind, creditor: (row?["creditor_id"] as String?).flatMap(CreditorID.init),
                            customerID: row?["customer_id"], messageID: id, summary: summary), in: db)
    }
}
