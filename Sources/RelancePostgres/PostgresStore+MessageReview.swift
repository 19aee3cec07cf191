public import Foundation
import PostgresNIO
public import RelanceCore

/// A person's decision on a reminder awaiting approval, held or failed, as the SQLite store
/// takes it: the message locked while it is decided, so two people (or two daemons' consoles)
/// deciding at once see one decision and one refusal.
extension PostgresStore: MessageReviewStore {
    public func messagesToReview(of creditor: CreditorID?) async throws -> [MessageForReview] {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT m.id, m.creditor_id, m.customer_id, m.step, m.state, COALESCE(b.raw, '\\x'::bytea), m.last_error, m.created_at,
                       (SELECT t.detail->>'reason' FROM task t WHERE t.message_id = m.id AND t.kind = 'review-message'
                        ORDER BY t.id DESC LIMIT 1),
                       ARRAY(SELECT address FROM message_recipient WHERE message_id = m.id ORDER BY role DESC, address)
                FROM message m LEFT JOIN message_body b ON b.message_id = m.id WHERE m.state IN ('awaiting-approval', 'held', 'failed')
                AND (\(creditor?.rawValue)::text IS NULL OR m.creditor_id = \(creditor?.rawValue)) ORDER BY m.id
                """, logger: logger)
            var messages: [MessageForReview] = []
            for try await (id, creditorText, customerID, step, state, raw, lastError, createdAt, taskReason, recipients)
                in rows.decode((Int64, String, Int64, String, String, ByteBuffer, String?, Date, String?, [String]).self) {
                guard let creditor = CreditorID(creditorText) else {
                    throw PostgresStoreError(.corrupt, "message #\(id) has an invalid creditor id", context: ["message": "\(id)"])
                }
                messages.append(MessageForReview(id: id, creditor: creditor, customerID: customerID, step: step,
                                                 state: OutboxState(rawValue: state) ?? .held, raw: Array(raw.readableBytesView),
                                                 recipients: recipients, reason: lastError ?? taskReason, createdAt: createdAt))
            }
            return messages
        }
    }

    public func decideMessage(_ id: Int64, _ decision: MessageReviewDecision, by person: String, at time: Date) async throws {
        try await transaction { connection in
            let rows = try await connection.liveQuery("SELECT creditor_id, customer_id, state FROM message WHERE id = \(id) FOR UPDATE",
                                                   logger: logger)
            var found: (String, Int64, String)?
            for try await row in rows.decode((String, Int64, String).self) { found = row }
            guard let (creditor, customerID, state) = found else {
                throw PostgresStoreError(.notFound, "message #\(id) does not exist", context: ["message": "\(id)"])
            }
            if state == OutboxState.awaitingApproval.rawValue {
                return try await decideAwaitingApproval(id, decision, creditor: creditor, customerID: customerID, by: person, at: time,
                                                        on: connection)
            }
            guard state == "held" || state == "failed" else {
                throw PostgresStoreError(.invalidState, "message #\(id) is \(state): only a message awaiting approval, held or failed waits for a decision",
                                         context: ["message": "\(id)"])
            }
            let (newState, outcome) = decision == .send ? ("queued", "done") : ("cancelled", "cancelled")
            let summary = try await Self.wording(of: creditor, on: connection, logger: logger)
                .heldMessageDecision(messageID: id, released: decision == .send, by: person, wasFailed: state == "failed")
            // Queued again from the start (a failed message's old claim ends): the claim re-checks
            // the invoices and the customer's pauses.
            try await connection.liveQuery("""
                UPDATE message SET state = \(newState), next_attempt_at = NULL, claimed_by = NULL, claim_expires_at = NULL WHERE id = \(id)
                """, logger: logger)
            // A skipped message keeps its step as taken (message_invoice untouched): the ladder moves
            // on rather than writing the same step again tomorrow — a held one may well have arrived.
            let detail = Self.detailJSON(decision == .send ? ["note": "sent again by \(person)"] : ["reason": "skipped by \(person)"])
            try await connection.liveQuery("""
                UPDATE task SET state = \(outcome == "done" ? "done" : "cancelled"), outcome = \(outcome), outcome_detail = \(detail)::jsonb,
                    closed_at = \(time)
                WHERE message_id = \(id) AND kind = 'review-message' AND state = 'open'
                """, logger: logger)
            try await Self.append(NewEvent(time: time, kind: decision == .send ? "message.released" : "message.skipped",
                                           creditor: CreditorID(creditor), customerID: customerID, messageID: id,
                                           summary: summary, detail: ["by": person]), on: connection, logger: logger)
        }
    }

    /// Review mode's decision: approved, the message is queued like any other; skipped, it is
    /// cancelled and its step counts as taken.
    private func decideAwaitingApproval(_ id: Int64, _ decision: MessageReviewDecision, creditor: String, customerID: Int64,
                                        by person: String, at time: Date, on connection: PostgresConnection) async throws {
        let approved = decision == .send
        try await connection.liveQuery("""
            UPDATE message SET state = \((approved ? OutboxState.queued : .cancelled).rawValue), next_attempt_at = NULL
            WHERE id = \(id) AND state = 'awaiting-approval'
            """, logger: logger)
        try await Self.append(NewEvent(time: time, kind: approved ? "message.approved" : "message.skipped", creditor: CreditorID(creditor),
                                       customerID: customerID, messageID: id,
                                       summary: try await Self.wording(of: creditor, on: connection, logger: logger)
                                           .messageApproval(messageID: id, approved: approved, by: person),
                                       detail: ["by": person]), on: connection, logger: logger)
    }

    public func withdrawStaleApprovals(of creditor: CreditorID, before day: CivilDate, at time: Date) async throws -> [Int64] {
        try await transaction { connection in
            let rows = try await connection.liveQuery("""
                SELECT id, customer_id, planned_on::text FROM message
                WHERE creditor_id = \(creditor.rawValue) AND state = 'awaiting-approval' AND planned_on < \(day.iso8601)::date
                ORDER BY id FOR UPDATE
                """, logger: logger)
            var stale: [(Int64, Int64, String)] = []
            for try await row in rows.decode((Int64, Int64, String).self) { stale.append(row) }
            guard !stale.isEmpty else { return [] }
            let words = try await Self.wording(of: creditor.rawValue, on: connection, logger: logger)
            var withdrawn: [Int64] = []
            for (id, customerID, planned) in stale {
                guard let plannedOn = CivilDate(iso8601: planned) else { continue }
                try await connection.liveQuery("UPDATE message SET state = 'cancelled' WHERE id = \(id) AND state = 'awaiting-approval'", logger: logger)
                // Not a step taken: the day's plan writes the same step again, with today's figures.
                try await connection.liveQuery("UPDATE message_invoice SET cancelled = true WHERE message_id = \(id)", logger: logger)
                try await Self.append(NewEvent(time: time, kind: "message.cancelled", creditor: creditor, customerID: customerID, messageID: id,
                                               summary: words.messageCancelled(messageID: id, because: .staleApproval(plannedOn: plannedOn))),
                                      on: connection, logger: logger)
                withdrawn.append(id)
            }
            return withdrawn
        }
    }
}
