public import Foundation
import PostgresNIO
public import RelanceCore

/// The outbox shared by several daemons: a claim locks the next due message with
/// `FOR UPDATE SKIP LOCKED` (two daemons never take the same one, and neither waits for the
/// other), and records who claimed it and until when.
extension PostgresStore: OutboxStore {
    public func claimNextMessage(now: Date, skipping: Set<CreditorID>) async throws -> OutboxMessage? {
        try await transaction { connection in try await claimNext(now: now, skipping: skipping, on: connection) }
    }

    /// The next due message claimed within the caller's transaction (its cancellations first):
    /// `sending`, claimed by this daemon for the settings' `claimDuration`, its attempt counted and journalled.
    func claimNext(now: Date, skipping: Set<CreditorID>, on connection: PostgresConnection) async throws -> OutboxMessage? {
        try await claimBatch(1, now: now, skipping: skipping, on: connection).first
    }

    /// Why a message must not go out any more, if it must not: its invoices first, then its customer's pause.
    func stopReason(_ id: Int64, customerID: Int64, now: Date, on connection: PostgresConnection) async throws -> MessageCancelReason? {
        if let reason = try await Self.reasonToCancel(messageID: id, on: connection, logger: logger) { return reason }
        return try await Self.customerHold(customerID: customerID, now: now, on: connection, logger: logger)
    }

    /// A message the claim found stopped: cancelled, its invoices' steps free again, journalled.
    func cancelAtClaim(_ id: Int64, because reason: MessageCancelReason, creditor: String, customerID: Int64, at now: Date,
                       on connection: PostgresConnection) async throws {
        let words = try await Self.wording(of: creditor, on: connection, logger: logger)
        try await connection.liveQuery("UPDATE message SET state = 'cancelled', next_attempt_at = NULL WHERE id = \(id)", logger: logger)
        try await connection.liveQuery("UPDATE message_invoice SET cancelled = true WHERE message_id = \(id)", logger: logger)
        try await Self.append(NewEvent(time: now, kind: "message.cancelled", creditor: CreditorID(creditor),
                                       customerID: customerID, messageID: id,
                                       summary: words.messageCancelled(messageID: id, because: reason)),
                              on: connection, logger: logger)
    }

    /// A delivery without recipients' answers or a Sent-folder copy: recorded as any other
    /// (`recordDeliveries` of one), so its checks and journal line are a batch's.
    public func markSent(_ id: Int64, at time: Date, serverReply: String) async throws {
        try await transaction { connection in
            try await delivered(id, at: time, serverReply: serverReply, recipients: [], copyToSent: false, on: connection)
        }
    }

    public func markForRetry(_ id: Int64, at time: Date, retryAt: Date, reason: String) async throws {
        try await transaction { connection in
            let words = try await requireClaimed(id, on: connection)
            // The claim ends: at retryAt, any daemon may take the message.
            try await connection.liveQuery("""
                UPDATE message SET state = 'retry', next_attempt_at = \(retryAt), last_error = \(reason),
                    claimed_by = NULL, claim_expires_at = NULL WHERE id = \(id)
                """, logger: logger)
            try await Self.appendMessageEvent(id, kind: "message.retry", at: time,
                                              summary: words.messageRetry(messageID: id, reason: reason, retryAt: retryAt),
                                              on: connection, logger: logger)
        }
    }

    public func markFailed(_ id: Int64, at time: Date, reason: String) async throws {
        try await transaction { connection in
            let words = try await requireClaimed(id, on: connection)
            try await connection.liveQuery("""
                UPDATE message SET state = 'failed', last_error = \(reason), next_attempt_at = NULL WHERE id = \(id)
                """, logger: logger)
            try await Self.appendMessageEvent(id, kind: "message.failed", at: time,
                                              summary: words.messageFailed(messageID: id, reason: reason), on: connection, logger: logger)
        }
    }

    public func outboxCounts() async throws -> [OutboxState: Int] {
        try await connection { connection in
            var counts: [OutboxState: Int] = [:]
            let rows = try await connection.liveQuery("SELECT state, COUNT(*) FROM message GROUP BY state", logger: logger)
            for try await (state, count) in rows.decode((String, Int64).self) {
                if let state = OutboxState(rawValue: state) { counts[state] = Int(count) }
            }
            return counts
        }
    }

    /// Locks the message and checks that this daemon is sending it: a delivery is recorded by
    /// its claimer only. Returns the words of its creditor.
    func requireClaimed(_ id: Int64, on connection: PostgresConnection) async throws -> any Wording {
        // The creditor's language read with the row, not by a statement of its own.
        let rows = try await connection.liveQuery("""
            SELECT m.state, m.claimed_by, c.language FROM message m LEFT JOIN creditor c ON c.id = m.creditor_id
            WHERE m.id = \(id) FOR UPDATE OF m
            """, logger: logger)
        var found: (String, String?, String?)?
        for try await row in rows.decode((String, String?, String?).self) { found = row }
        try requireClaimed(id, state: found?.0, claimer: found?.1)
        return Self.wording(language: found?.2)
    }

    /// The claimer's checks on a message's locked row (nil state: no such message): one place
    /// for a single delivery's and a batch's.
    func requireClaimed(_ id: Int64, state: String?, claimer: String?) throws {
        guard let state else {
            throw PostgresStoreError(.notFound, "message #\(id) does not exist", context: ["message": "\(id)"])
        }
        guard state == OutboxState.sending.rawValue else {
            throw PostgresStoreError(.invalidState, "message #\(id) is \(state), expected sending", context: ["message": "\(id)"])
        }
        guard claimer == daemonID else {
            throw PostgresStoreError(.notClaimer, "message #\(id) is being sent by another daemon (\(claimer ?? "none")), not by \(daemonID)",
                                     context: ["message": "\(id)", "claimer": claimer ?? "", "daemon": daemonID])
        }
    }

    /// Why a message must not go out any more (the SQLite store's rule, the same SQL): an
    /// invoice it speaks of was paid at the bank after it was written, settled, disputed, or its
    /// open amount changed since (the text would state a wrong amount).
    private static func reasonToCancel(messageID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> MessageCancelReason? {
        let paid = try await connection.liveQuery("""
            SELECT i.number FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id JOIN message msg ON msg.id = mi.message_id
            JOIN bank_match m ON m.invoice_id = i.id AND m.state IN ('awaiting-ledger', 'reported') AND m.ledger_open_minor = i.open_minor
            WHERE mi.message_id = \(messageID) AND m.matched_at >= msg.created_at LIMIT 1
            """, logger: logger)
        for try await number in paid.decode(String.self) { return .paidAtTheBank(invoice: number) }
        let rows = try await connection.liveQuery("""
            SELECT i.number, i.status, i.disputed_since IS NOT NULL, mi.stated_open_minor,
                   i.open_minor - COALESCE((SELECT SUM(bm.amount_minor) FROM bank_match bm
                       WHERE bm.invoice_id = i.id AND bm.state IN ('awaiting-ledger', 'reported') AND bm.ledger_open_minor = i.open_minor), 0)::bigint
            FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id WHERE mi.message_id = \(messageID)
            """, logger: logger)
        for try await (number, status, disputed, stated, open) in rows.decode((String, String, Bool, Int64, Int64).self) {
            if status != "open" { return .settled(invoice: number) }
            if disputed { return .disputed(invoice: number) }
            if open != stated { return .amountChanged(invoice: number) }
        }
        return nil
    }

    /// A live pause of the customer stops the message (dates compare in UTC, as in SQLite).
    private static func customerHold(customerID: Int64, now: Date, on connection: PostgresConnection, logger: Logger) async throws -> MessageCancelReason? {
        let day = CivilDate(now, in: TimeZone(identifier: "UTC")!).iso8601
        let rows = try await connection.liveQuery("""
            SELECT kind, reason FROM customer_hold WHERE customer_id = \(customerID) AND released_at IS NULL
            AND (until_on IS NULL OR until_on >= \(day)::date) ORDER BY id LIMIT 1
            """, logger: logger)
        for try await (kind, reason) in rows.decode((String, String).self) { return .customerPaused(kind: kind, reason: reason) }
        return nil
    }

    /// An event of message `id`, its creditor and customer the message's own: read by the
    /// INSERT itself, not by a statement before it (left empty should the message not exist).
    static func appendMessageEvent(_ id: Int64, kind: String, at time: Date, summary: String, detail: [String: String] = [:],
                                   on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.liveQuery("""
            INSERT INTO event (at, kind, creditor_id, customer_id, message_id, summary, detail)
            SELECT \(time), \(kind), m.creditor_id, m.customer_id, \(id), \(summary.printable), \(detailJSON(detail))::jsonb
            FROM (VALUES (1)) AS one LEFT JOIN message m ON m.id = \(id)
            """, logger: logger)
    }

    /// The words of a creditor, in its language (English for one never registered with one).
    static func wording(of creditor: String, on connection: PostgresConnection, logger: Logger) async throws -> any Wording {
        let rows = try await connection.liveQuery("SELECT language FROM creditor WHERE id = \(creditor)", logger: logger)
        for try await language in rows.decode(String?.self) { return wording(language: language) }
        return Language.english.wording
    }

    /// The words of several creditors in one read, for a batch: read again by each
    /// transaction, never kept longer — another daemon may register a creditor's new language
    /// meanwhile. A creditor missing from the answer speaks English, as in `wording(of:)`.
    static func wordings(of creditors: Set<String>, on connection: PostgresConnection, logger: Logger) async throws -> [String: any Wording] {
        var words: [String: any Wording] = [:]
        guard !creditors.isEmpty else { return words }
        let rows = try await connection.liveQuery("SELECT id, language FROM creditor WHERE id = ANY(\(creditors.sorted()))", logger: logger)
        for try await (id, language) in rows.decode((String, String?).self) { words[id] = wording(language: language) }
        return words
    }

    /// The words of a creditor's stored language (`creditor.language`, read with another row).
    static func wording(language: String?) -> any Wording {
        (language.flatMap(Language.init(rawValue:)) ?? .english).wording
    }
}
