public import Foundation
import PostgresNIO
public import RelanceCore

/// The outbox shared by several daemons: a claim locks the next due message with
/// `FOR UPDATE SKIP LOCKED` (two daemons never take the same one, and neither waits for the
/// other), and records who claimed it and until when.
extension PostgresStore: OutboxStore {
    public func enqueue(_ batch: [PendingMessage], at time: Date) async throws -> [Result<Int64?, any Error>] {
        guard !batch.isEmpty else { return [] }
        // Ids reserved from the sequence first (another daemon enqueuing meanwhile gets others),
        // so each message is composed with its own id signed into its Message-ID, outside any
        // transaction. An id left unused by a message that is not stored is a harmless gap.
        let ids = try await connection { connection in
            var ids: [Int64] = []
            let rows = try await connection.query("""
                SELECT nextval(pg_get_serial_sequence('message', 'id')) FROM generate_series(1, \(Int64(batch.count)))
                """, logger: logger)
            for try await id in rows.decode(Int64.self) { ids.append(id) }
            return ids
        }
        let mails = batch.indices.map { index in Result { try batch[index].compose(ids[index]) } }
        // Results hold errors (not Sendable): the transaction hands back outcomes, turned into
        // results here.
        let outcomes: [StoredOutcome] = try await transaction { connection in
            var outcomes: [StoredOutcome] = []
            for index in batch.indices {
                guard case .success(let mail) = mails[index] else { outcomes.append(.notComposed); continue }
                // One savepoint each: a message the schema refuses fails alone.
                try await connection.query("SAVEPOINT message", logger: logger)
                do {
                    let id = try await Self.insert(batch[index].draft, mail, id: ids[index], at: time, on: connection, logger: logger)
                    try await connection.query("RELEASE SAVEPOINT message", logger: logger)
                    outcomes.append(id.map(StoredOutcome.stored) ?? .alreadyQueued)
                } catch let error as PSQLError where error.serverInfo?[.sqlState]?.hasPrefix("23") == true {
                    try await connection.query("ROLLBACK TO SAVEPOINT message", logger: logger)
                    outcomes.append(.refused(String(reflecting: error)))
                }
            }
            return outcomes
        }
        return batch.indices.map { index in
            switch outcomes[index] {
            case .stored(let id): .success(id)
            case .alreadyQueued: .success(nil)
            case .refused(let reason):
                .failure(PostgresStoreError(.invalidState, "the schema refused message #\(ids[index]): \(reason)",
                                            context: ["message": "\(ids[index])"]))
            case .notComposed:
                switch mails[index] {
                case .failure(let error): .failure(error)
                case .success: .success(nil)
                }
            }
        }
    }

    enum StoredOutcome: Sendable { case stored(Int64), alreadyQueued, refused(String), notComposed }

    /// One message of a batch; nil when one of its invoices already has a live message for the step.
    private static func insert(_ draft: MessageDraft, _ mail: ComposedMail, id: Int64, at time: Date,
                               on connection: PostgresConnection, logger: Logger) async throws -> Int64? {
        for mention in draft.invoices {
            let taken = try await connection.query("""
                SELECT 1 FROM message_invoice WHERE invoice_id = \(mention.invoiceID) AND step = \(mention.step) AND NOT cancelled
                """, logger: logger)
            for try await _ in taken { return nil }
        }
        let state = (draft.awaitingApproval ? OutboxState.awaitingApproval : .queued).rawValue
        try await connection.query("""
            INSERT INTO message (id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, state, created_at)
            VALUES (\(id), \(draft.creditor.rawValue), \(draft.customerID), \(draft.step), \(draft.plannedOn.iso8601)::date,
                    \(mail.messageID), \(mail.envelopeFrom.value), \(state), \(time))
            """, logger: logger)
        // The bytes apart, written once (migration 3): the message's row only changes state.
        try await connection.query("INSERT INTO message_body (message_id, raw) VALUES (\(id), \(ByteBuffer(bytes: mail.bytes)))", logger: logger)
        for (role, addresses) in [("to", draft.to), ("cc", draft.cc)] {
            for address in addresses {
                try await connection.query("""
                    INSERT INTO message_recipient (message_id, address, role) VALUES (\(id), \(address.value), \(role))
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
        }
        for mention in draft.invoices {
            try await connection.query("""
                INSERT INTO message_invoice (message_id, invoice_id, step, stated_open_minor)
                VALUES (\(id), \(mention.invoiceID), \(mention.step), \(mention.open.minorUnits))
                """, logger: logger)
        }
        let words = try await wording(of: draft.creditor.rawValue, on: connection, logger: logger)
        let to = draft.to.map(\.value)
        try await append(NewEvent(time: time, kind: draft.awaitingApproval ? "message.awaiting-approval" : "message.queued",
                                  creditor: draft.creditor, customerID: draft.customerID, messageID: id,
                                  summary: draft.awaitingApproval
                                      ? words.messageAwaitingApproval(step: draft.step, to: to, invoices: draft.invoices.count, plannedOn: draft.plannedOn)
                                      : words.messageQueued(step: draft.step, to: to, invoices: draft.invoices.count, plannedOn: draft.plannedOn),
                                  detail: ["message_id": mail.messageID]), on: connection, logger: logger)
        return id
    }

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
        try await connection.query("UPDATE message SET state = 'cancelled', next_attempt_at = NULL WHERE id = \(id)", logger: logger)
        try await connection.query("UPDATE message_invoice SET cancelled = true WHERE message_id = \(id)", logger: logger)
        try await Self.append(NewEvent(time: now, kind: "message.cancelled", creditor: CreditorID(creditor),
                                       customerID: customerID, messageID: id,
                                       summary: words.messageCancelled(messageID: id, because: reason)),
                              on: connection, logger: logger)
    }

    public func markSent(_ id: Int64, at time: Date, serverReply: String) async throws {
        try await transaction { connection in
            let words = try await requireClaimed(id, on: connection)
            try await connection.query("""
                UPDATE message SET state = 'sent', sent_at = \(time), server_reply = \(serverReply), next_attempt_at = NULL WHERE id = \(id)
                """, logger: logger)
            let facts = try await Self.deliveryFacts(id, on: connection, logger: logger)
            try await Self.appendMessageEvent(id, kind: "message.sent", at: time, summary: words.messageSent(
                step: facts.step, messageID: id, customer: facts.customer, recipients: facts.recipients, serverReply: serverReply),
                on: connection, logger: logger)
        }
    }

    public func markForRetry(_ id: Int64, at time: Date, retryAt: Date, reason: String) async throws {
        try await transaction { connection in
            let words = try await requireClaimed(id, on: connection)
            // The claim ends: at retryAt, any daemon may take the message.
            try await connection.query("""
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
            try await connection.query("""
                UPDATE message SET state = 'failed', last_error = \(reason), next_attempt_at = NULL WHERE id = \(id)
                """, logger: logger)
            try await Self.appendMessageEvent(id, kind: "message.failed", at: time,
                                              summary: words.messageFailed(messageID: id, reason: reason), on: connection, logger: logger)
        }
    }

    public func outboxCounts() async throws -> [OutboxState: Int] {
        try await connection { connection in
            var counts: [OutboxState: Int] = [:]
            let rows = try await connection.query("SELECT state, COUNT(*) FROM message GROUP BY state", logger: logger)
            for try await (state, count) in rows.decode((String, Int64).self) {
                if let state = OutboxState(rawValue: state) { counts[state] = Int(count) }
            }
            return counts
        }
    }

    /// Locks the message and checks that this daemon is sending it: a delivery is recorded by
    /// its claimer only. Returns the words of its creditor.
    func requireClaimed(_ id: Int64, on connection: PostgresConnection) async throws -> any Wording {
        let rows = try await connection.query("SELECT state, claimed_by, creditor_id FROM message WHERE id = \(id) FOR UPDATE", logger: logger)
        var found: (String, String?, String)?
        for try await row in rows.decode((String, String?, String).self) { found = row }
        guard let (state, claimer, creditor) = found else {
            throw PostgresStoreError(.notFound, "message #\(id) does not exist", context: ["message": "\(id)"])
        }
        guard state == OutboxState.sending.rawValue else {
            throw PostgresStoreError(.invalidState, "message #\(id) is \(state), expected sending", context: ["message": "\(id)"])
        }
        guard claimer == daemonID else {
            throw PostgresStoreError(.notClaimer, "message #\(id) is being sent by another daemon (\(claimer ?? "none")), not by \(daemonID)",
                                     context: ["message": "\(id)", "claimer": claimer ?? "", "daemon": daemonID])
        }
        return try await Self.wording(of: creditor, on: connection, logger: logger)
    }

    /// Why a message must not go out any more (the SQLite store's rule, the same SQL): an
    /// invoice it speaks of was paid at the bank after it was written, settled, disputed, or its
    /// open amount changed since (the text would state a wrong amount).
    private static func reasonToCancel(messageID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> MessageCancelReason? {
        let paid = try await connection.query("""
            SELECT i.number FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id JOIN message msg ON msg.id = mi.message_id
            JOIN bank_match m ON m.invoice_id = i.id AND m.state IN ('awaiting-ledger', 'reported') AND m.ledger_open_minor = i.open_minor
            WHERE mi.message_id = \(messageID) AND m.matched_at >= msg.created_at LIMIT 1
            """, logger: logger)
        for try await number in paid.decode(String.self) { return .paidAtTheBank(invoice: number) }
        let rows = try await connection.query("""
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
        let rows = try await connection.query("""
            SELECT kind, reason FROM customer_hold WHERE customer_id = \(customerID) AND released_at IS NULL
            AND (until_on IS NULL OR until_on >= \(day)::date) ORDER BY id LIMIT 1
            """, logger: logger)
        for try await (kind, reason) in rows.decode((String, String).self) { return .customerPaused(kind: kind, reason: reason) }
        return nil
    }

    struct DeliveryFacts { var step: String?; var customer: String; var recipients: String }

    static func deliveryFacts(_ id: Int64, on connection: PostgresConnection, logger: Logger) async throws -> DeliveryFacts {
        let rows = try await connection.query("""
            SELECT m.step, c.external_id, c.name,
                   (SELECT string_agg(address, ', ') FROM message_recipient WHERE message_id = m.id)
            FROM message m LEFT JOIN customer c ON c.id = m.customer_id WHERE m.id = \(id)
            """, logger: logger)
        for try await (step, code, name, recipients) in rows.decode((String?, String?, String?, String?).self) {
            return DeliveryFacts(step: step, customer: [code, name].compactMap { $0 }.joined(separator: " "), recipients: recipients ?? "")
        }
        return DeliveryFacts(step: nil, customer: "", recipients: "")
    }

    static func appendMessageEvent(_ id: Int64, kind: String, at time: Date, summary: String, detail: [String: String] = [:],
                                   on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.query("SELECT creditor_id, customer_id FROM message WHERE id = \(id)", logger: logger)
        var owner: (String, Int64)?
        for try await row in rows.decode((String, Int64).self) { owner = row }
        try await append(NewEvent(time: time, kind: kind, creditor: owner.flatMap { CreditorID($0.0) }, customerID: owner?.1,
                                  messageID: id, summary: summary, detail: detail), on: connection, logger: logger)
    }

    /// The words of a creditor, in its language (English for one never registered with one).
    static func wording(of creditor: String, on connection: PostgresConnection, logger: Logger) async throws -> any Wording {
        let rows = try await connection.query("SELECT language FROM creditor WHERE id = \(creditor)", logger: logger)
        for try await language in rows.decode(String?.self) {
            return (language.flatMap(Language.init(rawValue:)) ?? .english).wording
        }
        return Language.english.wording
    }
}
