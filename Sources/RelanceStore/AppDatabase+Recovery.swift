public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: OutboxRecoveryStore {
    public func interruptedSends() async throws -> [InterruptedSend] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.id, m.creditor_id, m.customer_id, m.rfc_message_id,
                       (SELECT MAX(e.at) FROM event e WHERE e.message_id = m.id AND e.kind = 'message.sending') AS started
                FROM message m WHERE m.state = 'sending' ORDER BY m.id
                """)
            return try rows.map { row in
                guard let creditor = CreditorID(row["creditor_id"] as String) else {
                    throw StoreError(.corrupt, "message #\(row["id"] as Int64) has an invalid creditor id")
                }
                return InterruptedSend(id: row["id"], creditor: creditor, customerID: row["customer_id"],
                                       messageID: row["rfc_message_id"], attemptStartedAt: row["started"])
            }
        }
    }

    public func confirmSent(_ id: Int64, at time: Date, evidence: InterruptionEvidence) async throws {
        try await writer.write { db in
            try Self.requireSending(id, in: db)
            try db.execute(sql: "UPDATE message SET state = 'sent', sent_at = ?, server_reply = ?, next_attempt_at = NULL WHERE id = ?",
                           arguments: [time, "confirmed after an interruption: \(evidence.code)", id])
            try Self.appendRecoveryEvent(id, kind: "message.sent", at: time,
                                         summary: try Self.messageWording(id, in: db).messageSentBeforeInterruption(messageID: id, evidence: evidence),
                                         detail: ["evidence": evidence.code, "source": evidence.source], in: db)
        }
    }

    public func requeueUnsent(_ id: Int64, at time: Date, evidence: InterruptionEvidence) async throws {
        try await writer.write { db in
            try Self.requireSending(id, in: db)
            try db.execute(sql: "UPDATE message SET state = 'queued', next_attempt_at = NULL WHERE id = ?", arguments: [id])
            try Self.appendRecoveryEvent(id, kind: "message.requeued", at: time,
                                         summary: try Self.messageWording(id, in: db).messageRequeuedAfterInterruption(messageID: id, evidence: evidence),
                                         detail: ["evidence": evidence.code, "source": evidence.source], in: db)
        }
    }

    public func holdForReview(_ id: Int64, at time: Date, reason: InterruptionHoldReason) async throws {
        try await writer.write { db in
            try Self.requireSending(id, in: db)
            try db.execute(sql: "UPDATE message SET state = 'held', next_attempt_at = NULL WHERE id = ?", arguments: [id])
            let words = try Self.messageWording(id, in: db)
            try Self.appendRecoveryEvent(id, kind: "message.held", at: time,
                                         summary: words.messageHeldAfterInterruption(messageID: id, reason: reason), detail: ["reason": reason.rawValue], in: db)
            let row = try Row.fetchOne(db, sql: "SELECT creditor_id, customer_id, step FROM message WHERE id = ?", arguments: [id])
            if let creditor = (row?["creditor_id"] as String?).flatMap(CreditorID.init) {
                let recipients = try String.fetchAll(db, sql: "SELECT address FROM message_recipient WHERE message_id = ? ORDER BY address",
                                                     arguments: [id])
                _ = try Self.openTask(NewTask(
                    creditor: creditor, customerID: row?["customer_id"], kind: .reviewMessage,
                    title: words.checkHeldMessageTitle(messageID: id, recipients: recipients),
                    detail: ["reason": words.interruptionHoldReason(reason)], dedupKey: "held-message-\(id)", step: row?["step"], messageID: id), at: time, in: db)
            }
        }
    }

    public func markDelivered(_ id: Int64, at time: Date, serverReply: String, recipients: [RecipientReply],
                              copyToSent: Bool) async throws {
        try await writer.write { db in
            try Self.delivered(id, at: time, serverReply: serverReply, recipients: recipients, copyToSent: copyToSent, in: db)
        }
    }

    public func markDelivered(_ id: Int64, at time: Date, serverReply: String, recipients: [RecipientReply], copyToSent: Bool,
                              claimingNextAt now: Date, skipping: Set<CreditorID>) async throws -> OutboxMessage? {
        let skipped = Self.creditorList(skipping)
        return try await writer.write { db in
            try Self.delivered(id, at: time, serverReply: serverReply, recipients: recipients, copyToSent: copyToSent, in: db)
            return try Self.claimNext(now: now, skipped: skipped, in: db)
        }
    }

    /// One message's delivery, recorded as a batch's are (`recordDeliveries`): one path for both.
    static func delivered(_ id: Int64, at time: Date, serverReply: String, recipients: [RecipientReply],
                          copyToSent: Bool, in db: Database) throws {
        try recordDeliveries([DeliveryRecord(id: id, at: time, serverReply: serverReply, recipients: recipients, copyToSent: copyToSent)],
                             in: db)
    }

    public func recordRecipientReplies(_ id: Int64, _ replies: [RecipientReply], at time: Date) async throws {
        try await writer.write { db in try Self.record(replies, of: id, at: time, in: db) }
    }

    /// Answers without a delivery (every recipient refused the message): the message's owner
    /// read once, the answers recorded as a batch's are (`recordReplies`).
    private static func record(_ replies: [RecipientReply], of id: Int64, at time: Date, in db: Database) throws {
        guard !replies.isEmpty else { return }
        guard let message = try db.rowCached("SELECT creditor_id, customer_id FROM message WHERE id = ?", [id]) else {
            throw StoreError(.notFound, "message #\(id) does not exist")
        }
        let owner = ((message["creditor_id"] as String?).flatMap(CreditorID.init), message["customer_id"] as Int64?)
        try recordReplies(replies.map { (id: id, at: time, reply: $0) }, owner: { _ in owner }, in: db)
    }

    /// Evidence only, after the answer is on its recipient: the contact ladder decides what a wrong address changes.
    static func journalWrongAddress(_ reply: RecipientReply, of id: Int64, creditor: CreditorID?, customerID: Int64?,
                                    at time: Date, in db: Database) throws {
        let role = try db.valueCached("SELECT role FROM message_recipient WHERE message_id = ? AND address = ? COLLATE NOCASE",
                                      [id, reply.address], as: String.self)
        try append(NewEvent(
            time: time, kind: "address.refused", creditor: creditor, customerID: customerID, messageID: id,
            summary: try wording(of: creditor?.rawValue ?? "", in: db)
                .addressRefusedByServer(address: reply.address, role: role, messageID: id, reply: reply.reply),
            detail: ["address": reply.address, "role": role ?? "unknown", "reply": reply.reply]), in: db)
    }

    @discardableResult
    public func recordOutboxPaused(_ creditor: CreditorID, reason: String, at time: Date) async throws -> Bool {
        try await writer.write { db in
            if try Self.standingPause(creditor, in: db) != nil { return false }
            try Self.append(NewEvent(time: time, kind: "outbox.paused", creditor: creditor,
                                     summary: try Self.wording(of: creditor.rawValue, in: db).outboxPaused(creditor: creditor.rawValue, reason: reason),
                                     detail: ["reason": reason]), in: db)
            _ = try Self.openTask(NewTask(creditor: creditor, customerID: nil, kind: .fixConfiguration,
                                          title: try Self.wording(of: creditor.rawValue, in: db).outboxPausedTitle(creditor: creditor.rawValue, reason: reason),
                                          detail: ["reason": reason],
                                          dedupKey: "outbox-paused"), at: time, in: db)
            return true
        }
    }

    public func standingOutboxPause(of creditor: CreditorID) async throws -> OutboxPause? {
        try await writer.read { db in try Self.standingPause(creditor, in: db) }
    }

    @discardableResult
    public func resumeOutbox(_ creditor: CreditorID, reason: String, at time: Date) async throws -> Bool {
        try await writer.write { db in
            guard let pause = try Self.standingPause(creditor, in: db) else { return false }
            let since = CivilDate(pause.since, in: .current)
            try Self.append(NewEvent(time: time, kind: "outbox.resumed", creditor: creditor,
                                     summary: try Self.wording(of: creditor.rawValue, in: db).outboxResumed(creditor: creditor.rawValue, since: since, reason: reason),
                                     detail: ["reason": reason]), in: db)
            return true
        }
    }

    /// The latest `outbox.paused` after the creditor's last sent message and last resumption.
    static func standingPause(_ creditor: CreditorID, in db: Database) throws -> OutboxPause? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT at, detail FROM event WHERE creditor_id = ?1 AND kind = 'outbox.paused'
            AND id > COALESCE((SELECT MAX(id) FROM event WHERE creditor_id = ?1 AND kind IN ('message.sent', 'outbox.resumed')), 0)
            ORDER BY id DESC LIMIT 1
            """, arguments: [creditor.rawValue]) else { return nil }
        let detailText: String = row["detail"]
        let detail = (try? JSONDecoder().decode([String: String].self, from: Data(detailText.utf8))) ?? [:]
        return OutboxPause(since: row["at"], reason: detail["reason"] ?? "")
    }

    public func requestSentCopy(_ id: Int64) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE message SET sent_copy = 'pending' WHERE id = ? AND state = 'sent'", arguments: [id])
        }
    }

    public func pendingSentCopies(of creditor: CreditorID, limit: Int) async throws -> [PendingSentCopy] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.id, COALESCE(b.raw, X'') AS raw FROM message m LEFT JOIN message_body b ON b.message_id = m.id
                WHERE m.creditor_id = ? AND m.sent_copy = 'pending' ORDER BY m.id LIMIT ?
                """, arguments: [creditor.rawValue, limit]).map { PendingSentCopy(id: $0["id"], bytes: [UInt8]($0["raw"] as Data)) }
        }
    }

    public func markSentCopyDone(_ id: Int64, at time: Date, folder: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE message SET sent_copy = 'done' WHERE id = ? AND sent_copy = 'pending'", arguments: [id])
            if db.changesCount > 0 {
                try Self.appendRecoveryEvent(id, kind: "message.copied-to-sent", at: time,
                                             summary: try Self.messageWording(id, in: db).messageCopiedToSent(messageID: id, folder: folder),
                                             detail: [:], in: db)
            }
        }
    }

    private static func requireSending(_ id: Int64, in db: Database) throws {
        try requireSending(id, state: try db.valueCached("SELECT state FROM message WHERE id = ?", [id], as: String.self))
    }

    /// `state` is the message's as already read; nil when there is no such message.
    static func requireSending(_ id: Int64, state: String?) throws {
        guard let state else {
            throw StoreError(.notFound, "message #\(id) does not exist")
        }
        guard state == OutboxState.sending.rawValue else {
            throw StoreError(.invalidState, "message #\(id) is \(state), expected sending")
        }
    }

    private static func appendRecoveryEvent(_ id: Int64, kind: String, at time: Date, summary: String,
                                            detail: [String: String], in db: Database) throws {
        let row = try db.rowCached("SELECT creditor_id, customer_id FROM message WHERE id = ?", [id])
        try append(NewEvent(time: time, kind: kind, creditor: (row?["creditor_id"] as String?).flatMap(CreditorID.init),
                            customerID: row?["customer_id"], messageID: id, summary: summary, detail: detail), in: db)
    }
}
