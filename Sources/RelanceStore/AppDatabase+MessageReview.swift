public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: MessageReviewStore {
    public func messagesToReview(of creditor: CreditorID?) async throws -> [MessageForReview] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.id, m.creditor_id, m.customer_id, m.step, m.state, COALESCE(b.raw, X'') AS raw, m.last_error, m.created_at,
                       (SELECT json_extract(t.detail, '$.reason') FROM task t WHERE t.message_id = m.id AND t.kind = 'review-message'
                        ORDER BY t.id DESC LIMIT 1) AS task_reason
                FROM message m LEFT JOIN message_body b ON b.message_id = m.id
                WHERE m.state IN ('awaiting-approval', 'held', 'failed') AND (?1 IS NULL OR m.creditor_id = ?1) ORDER BY m.id
                """, arguments: [creditor?.rawValue]).map { row in
                let id: Int64 = row["id"]
                let recipients = try String.fetchAll(db, sql: "SELECT address FROM message_recipient WHERE message_id = ? ORDER BY role DESC, address",
                                                     arguments: [id])
                let raw: Data = row["raw"]
                return MessageForReview(id: id, creditor: CreditorID(row["creditor_id"] as String)!, customerID: row["customer_id"],
                                        step: row["step"], state: OutboxState(rawValue: row["state"]) ?? .held, raw: [UInt8](raw),
                                        recipients: recipients, reason: row["last_error"] ?? row["task_reason"], createdAt: row["created_at"])
            }
        }
    }

    public func decideMessage(_ id: Int64, _ decision: MessageReviewDecision, by person: String, at time: Date) async throws {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT creditor_id, customer_id, state FROM message WHERE id = ?", arguments: [id]) else {
                throw StoreError(.notFound, "message #\(id) does not exist")
            }
            let state: String = row["state"]
            if state == OutboxState.awaitingApproval.rawValue {
                return try Self.decideAwaitingApproval(id, decision, creditor: row["creditor_id"], customerID: row["customer_id"],
                                                       by: person, at: time, in: db)
            }
            guard state == "held" || state == "failed" else {
                throw StoreError(.invalidState, "message #\(id) is \(state): only a message awaiting approval, held or failed waits for a decision")
            }
            let (newState, outcome) = decision == .send ? ("queued", "done") : ("cancelled", "cancelled")
            let summary = try Self.wording(of: row["creditor_id"] as String, in: db)
                .heldMessageDecision(messageID: id, released: decision == .send, by: person, wasFailed: state == "failed")
            // Queued again from the start: the claim re-checks the invoices and the customer's pauses.
            try db.execute(sql: "UPDATE message SET state = ?, next_attempt_at = NULL WHERE id = ?", arguments: [newState, id])
            // A skipped message keeps its step as taken (message_invoice untouched): the ladder moves
            // on rather than writing the same step again tomorrow — a held one may well have arrived.
            let detail = String(decoding: try JSONEncoder().encode(decision == .send ? ["note": "sent again by \(person)"] : ["reason": "skipped by \(person)"]),
                                as: UTF8.self)
            try db.execute(sql: """
                UPDATE task SET state = ?, outcome = ?, outcome_detail = ?, closed_at = ?
                WHERE message_id = ? AND kind = 'review-message' AND state = 'open'
                """, arguments: [outcome == "done" ? "done" : "cancelled", outcome, detail, time, id])
            try Self.append(NewEvent(time: time, kind: decision == .send ? "message.released" : "message.skipped",
                                     creditor: CreditorID(row["creditor_id"] as String), customerID: row["customer_id"], messageID: id,
                                     summary: summary, detail: ["by": person]), in: db)
        }
    }

    /// Review mode's decision: approved, the message is queued like any other (it leaves even
    /// though the creditor stays in review mode, and the claim still cancels it if an invoice was
    /// settled or the customer paused since); skipped, it is cancelled and its step counts as taken.
    private static func decideAwaitingApproval(_ id: Int64, _ decision: MessageReviewDecision, creditor: String, customerID: Int64,
                                               by person: String, at time: Date, in db: Database) throws {
        let approved = decision == .send
        try db.execute(sql: "UPDATE message SET state = ?, next_attempt_at = NULL WHERE id = ? AND state = 'awaiting-approval'",
                       arguments: [(approved ? OutboxState.queued : .cancelled).rawValue, id])
        try append(NewEvent(time: time, kind: approved ? "message.approved" : "message.skipped", creditor: CreditorID(creditor),
                            customerID: customerID, messageID: id,
                            summary: try wording(of: creditor, in: db).messageApproval(messageID: id, approved: approved, by: person),
                            detail: ["by": person]), in: db)
    }

    public func withdrawStaleApprovals(of creditor: CreditorID, before day: CivilDate, at time: Date) async throws -> [Int64] {
        try await writer.write { db in
            let stale = try Row.fetchAll(db, sql: """
                SELECT id, customer_id, planned_on FROM message
                WHERE creditor_id = ? AND state = 'awaiting-approval' AND planned_on < ? ORDER BY id
                """, arguments: [creditor.rawValue, day.iso8601])
            guard !stale.isEmpty else { return [] }
            let words = try Self.wording(of: creditor.rawValue, in: db)
            var withdrawn: [Int64] = []
            for row in stale {
                let id: Int64 = row["id"]
                guard let plannedOn = CivilDate(iso8601: row["planned_on"] as String) else { continue }
                try db.execute(sql: "UPDATE message SET state = 'cancelled' WHERE id = ? AND state = 'awaiting-approval'", arguments: [id])
                // Not a step taken: the day's plan writes the same step again, with today's figures.
                try db.execute(sql: "UPDATE message_invoice SET cancelled = 1 WHERE message_id = ?", arguments: [id])
                try Self.append(NewEvent(time: time, kind: "message.cancelled", creditor: creditor, customerID: row["customer_id"],
                                         messageID: id, summary: words.messageCancelled(messageID: id, because: .staleApproval(plannedOn: plannedOn))),
                                in: db)
                withdrawn.append(id)
            }
            return withdrawn
        }
    }
}
