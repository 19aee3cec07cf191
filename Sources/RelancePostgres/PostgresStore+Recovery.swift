public import Foundation
import PostgresNIO
public import RelanceCore

/// The outbox beyond the happy path, with several daemons: a message is "interrupted" only
/// when its claim has expired (its daemon died or stalled past the settings' `claimDuration`); a claim still
/// leased is never touched, whoever asks. Listing the interrupted sends takes their claims over
/// (`FOR UPDATE SKIP LOCKED`, a fresh lease for this daemon), so one daemon at a time searches
/// the server-side evidence of a message and decides it; a decision is refused to a daemon
/// that does not hold the message's claim while it is leased to another.
extension PostgresStore: OutboxRecoveryStore {
    public func interruptedSends() async throws -> [InterruptedSend] {
        let claimSeconds = Double(settings.claimDuration.components.seconds)
        return try await transaction { connection in
            let rows = try await connection.liveQuery("""
                UPDATE message m SET claimed_by = \(daemonID), claim_expires_at = clock_timestamp() + make_interval(secs => \(claimSeconds))
                FROM (SELECT id FROM message WHERE state = 'sending' AND claim_expires_at <= clock_timestamp()
                      ORDER BY id FOR UPDATE SKIP LOCKED) expired
                WHERE m.id = expired.id
                RETURNING m.id, m.creditor_id, m.customer_id, m.rfc_message_id,
                          (SELECT MAX(e.at) FROM event e WHERE e.message_id = m.id AND e.kind = 'message.sending')
                """, logger: logger)
            var found: [InterruptedSend] = []
            for try await (id, creditorText, customerID, messageID, started) in rows.decode((Int64, String, Int64, String, Date?).self) {
                guard let creditor = CreditorID(creditorText) else {
                    throw PostgresStoreError(.corrupt, "message #\(id) has an invalid creditor id", context: ["message": "\(id)"])
                }
                found.append(InterruptedSend(id: id, creditor: creditor, customerID: customerID, messageID: messageID, attemptStartedAt: started))
            }
            return found.sorted { $0.id < $1.id }
        }
    }

    public func confirmSent(_ id: Int64, at time: Date, evidence: InterruptionEvidence) async throws {
        try await transaction { connection in
            let words = try await requireRecoverable(id, on: connection)
            try await connection.liveQuery("""
                UPDATE message SET state = 'sent', sent_at = \(time), server_reply = \("confirmed after an interruption: \(evidence.code)"),
                    next_attempt_at = NULL, claimed_by = \(daemonID), claim_expires_at = clock_timestamp()
                WHERE id = \(id)
                """, logger: logger)
            try await Self.appendMessageEvent(id, kind: "message.sent", at: time,
                                              summary: words.messageSentBeforeInterruption(messageID: id, evidence: evidence),
                                              detail: ["evidence": evidence.code, "source": evidence.source], on: connection, logger: logger)
        }
    }

    public func requeueUnsent(_ id: Int64, at time: Date, evidence: InterruptionEvidence) async throws {
        try await transaction { connection in
            let words = try await requireRecoverable(id, on: connection)
            try await connection.liveQuery("""
                UPDATE message SET state = 'queued', next_attempt_at = NULL, claimed_by = NULL, claim_expires_at = NULL WHERE id = \(id)
                """, logger: logger)
            try await Self.appendMessageEvent(id, kind: "message.requeued", at: time,
                                              summary: words.messageRequeuedAfterInterruption(messageID: id, evidence: evidence),
                                              detail: ["evidence": evidence.code, "source": evidence.source], on: connection, logger: logger)
        }
    }

    public func holdForReview(_ id: Int64, at time: Date, reason: InterruptionHoldReason) async throws {
        try await transaction { connection in
            let words = try await requireRecoverable(id, on: connection)
            try await connection.liveQuery("""
                UPDATE message SET state = 'held', next_attempt_at = NULL, claimed_by = NULL, claim_expires_at = NULL WHERE id = \(id)
                """, logger: logger)
            try await Self.appendMessageEvent(id, kind: "message.held", at: time,
                                              summary: words.messageHeldAfterInterruption(messageID: id, reason: reason),
                                              detail: ["reason": reason.rawValue], on: connection, logger: logger)
            let rows = try await connection.liveQuery("SELECT creditor_id, customer_id, step FROM message WHERE id = \(id)", logger: logger)
            var owner: (String, Int64, String)?
            for try await row in rows.decode((String, Int64, String).self) { owner = row }
            guard let (creditorText, customerID, step) = owner, let creditor = CreditorID(creditorText) else { return }
            var recipients: [String] = []
            let addresses = try await connection.liveQuery("SELECT address FROM message_recipient WHERE message_id = \(id) ORDER BY address",
                                                       logger: logger)
            for try await address in addresses.decode(String.self) { recipients.append(address) }
            try await Self.openTask(NewTask(
                creditor: creditor, customerID: customerID, kind: .reviewMessage,
                title: words.checkHeldMessageTitle(messageID: id, recipients: recipients),
                detail: ["reason": words.interruptionHoldReason(reason)], dedupKey: "held-message-\(id)", step: step, messageID: id),
                at: time, on: connection, logger: logger)
        }
    }

    public func markDelivered(_ id: Int64, at time: Date, serverReply: String, recipients: [RecipientReply], copyToSent: Bool) async throws {
        try await transaction { connection in
            try await delivered(id, at: time, serverReply: serverReply, recipients: recipients, copyToSent: copyToSent, on: connection)
        }
    }

    public func markDelivered(_ id: Int64, at time: Date, serverReply: String, recipients: [RecipientReply], copyToSent: Bool,
                              claimingNextAt now: Date, skipping: Set<CreditorID>) async throws -> OutboxMessage? {
        try await transaction { connection in
            try await delivered(id, at: time, serverReply: serverReply, recipients: recipients, copyToSent: copyToSent, on: connection)
            return try await claimNext(now: now, skipping: skipping, on: connection)
        }
    }

    /// One message's delivery, recorded as a batch's are (`recordDeliveries`): one path for both.
    func delivered(_ id: Int64, at time: Date, serverReply: String, recipients: [RecipientReply], copyToSent: Bool,
                   on connection: PostgresConnection) async throws {
        try await recordDeliveries([DeliveryRecord(id: id, at: time, serverReply: serverReply, recipients: recipients, copyToSent: copyToSent)],
                                   on: connection)
    }

    public func recordRecipientReplies(_ id: Int64, _ replies: [RecipientReply], at time: Date) async throws {
        try await transaction { connection in try await record(replies, of: id, at: time, on: connection) }
    }

    /// Answers without a delivery (every recipient refused the message): the message's owner
    /// read once, the answers recorded as a batch's are (`recordReplies`).
    private func record(_ replies: [RecipientReply], of id: Int64, at time: Date, on connection: PostgresConnection) async throws {
        guard !replies.isEmpty else { return }
        let rows = try await connection.liveQuery("""
            SELECT m.creditor_id, m.customer_id, c.language FROM message m LEFT JOIN creditor c ON c.id = m.creditor_id WHERE m.id = \(id)
            """, logger: logger)
        var owner: (String, Int64, String?)?
        for try await row in rows.decode((String, Int64, String?).self) { owner = row }
        guard let (creditorText, customerID, language) = owner else {
            throw PostgresStoreError(.notFound, "message #\(id) does not exist", context: ["message": "\(id)"])
        }
        let words = Self.wording(language: language)
        try await recordReplies(replies.map { (id: id, at: time, reply: $0) }, owner: { _ in (creditorText, customerID, words) },
                                on: connection)
    }

    @discardableResult
    public func recordOutboxPaused(_ creditor: CreditorID, reason: String, at time: Date) async throws -> Bool {
        try await transaction { connection in
            // Serialises two daemons raising the same alert: the second sees the first's.
            try await connection.liveQuery("SELECT pg_advisory_xact_lock(hashtext(\("outbox-paused:" + creditor.rawValue)))", logger: logger)
            if try await standingPause(creditor, on: connection) != nil { return false }
            let words = try await Self.wording(of: creditor.rawValue, on: connection, logger: logger)
            try await Self.append(NewEvent(time: time, kind: "outbox.paused", creditor: creditor,
                                           summary: words.outboxPaused(creditor: creditor.rawValue, reason: reason), detail: ["reason": reason]),
                                  on: connection, logger: logger)
            try await Self.openTask(NewTask(creditor: creditor, customerID: nil, kind: .fixConfiguration,
                                            title: words.outboxPausedTitle(creditor: creditor.rawValue, reason: reason),
                                            detail: ["reason": reason], dedupKey: "outbox-paused"),
                                    at: time, on: connection, logger: logger)
            return true
        }
    }

    public func standingOutboxPause(of creditor: CreditorID) async throws -> OutboxPause? {
        try await connection { connection in try await standingPause(creditor, on: connection) }
    }

    @discardableResult
    public func resumeOutbox(_ creditor: CreditorID, reason: String, at time: Date) async throws -> Bool {
        try await transaction { connection in
            try await connection.liveQuery("SELECT pg_advisory_xact_lock(hashtext(\("outbox-paused:" + creditor.rawValue)))", logger: logger)
            guard let pause = try await standingPause(creditor, on: connection) else { return false }
            let since = CivilDate(pause.since, in: .current)
            try await Self.append(NewEvent(time: time, kind: "outbox.resumed", creditor: creditor,
                                           summary: try await Self.wording(of: creditor.rawValue, on: connection, logger: logger)
                                               .outboxResumed(creditor: creditor.rawValue, since: since, reason: reason),
                                           detail: ["reason": reason]), on: connection, logger: logger)
            return true
        }
    }

    /// The latest `outbox.paused` after the creditor's last sent message and last resumption.
    private func standingPause(_ creditor: CreditorID, on connection: PostgresConnection) async throws -> OutboxPause? {
        let rows = try await connection.liveQuery("""
            SELECT at, COALESCE(detail->>'reason', '') FROM event WHERE creditor_id = \(creditor.rawValue) AND kind = 'outbox.paused'
            AND id > COALESCE((SELECT MAX(id) FROM event WHERE creditor_id = \(creditor.rawValue)
                               AND kind IN ('message.sent', 'outbox.resumed')), 0)
            ORDER BY id DESC LIMIT 1
            """, logger: logger)
        for try await (at, reason) in rows.decode((Date, String).self) { return OutboxPause(since: at, reason: reason) }
        return nil
    }

    public func requestSentCopy(_ id: Int64) async throws {
        try await connection { connection in
            try await connection.liveQuery("UPDATE message SET sent_copy = 'pending' WHERE id = \(id) AND state = 'sent'", logger: logger)
        }
    }

    public func pendingSentCopies(of creditor: CreditorID, limit: Int) async throws -> [PendingSentCopy] {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT m.id, COALESCE(b.raw, '\\x'::bytea) FROM message m LEFT JOIN message_body b ON b.message_id = m.id
                WHERE m.creditor_id = \(creditor.rawValue) AND m.sent_copy = 'pending' ORDER BY m.id LIMIT \(Int64(limit))
                """, logger: logger)
            var copies: [PendingSentCopy] = []
            for try await (id, raw) in rows.decode((Int64, ByteBuffer).self) { copies.append(PendingSentCopy(id: id, bytes: Array(raw.readableBytesView))) }
            return copies
        }
    }

    public func markSentCopyDone(_ id: Int64, at time: Date, folder: String) async throws {
        try await transaction { connection in
            let rows = try await connection.liveQuery("""
                UPDATE message SET sent_copy = 'done' WHERE id = \(id) AND sent_copy = 'pending' RETURNING creditor_id
                """, logger: logger)
            var creditor: String?
            for try await found in rows.decode(String.self) { creditor = found }
            guard let creditor else { return }
            try await Self.appendMessageEvent(id, kind: "message.copied-to-sent", at: time,
                                              summary: try await Self.wording(of: creditor, on: connection, logger: logger)
                                                  .messageCopiedToSent(messageID: id, folder: folder),
                                              on: connection, logger: logger)
        }
    }

    /// Locks the message and checks that recovery may decide it: `sending`, and its claim this
    /// daemon's (taken over by `interruptedSends`) or expired. A claim leased to another daemon
    /// means that daemon may still be talking to the server: refused. Returns the creditor's words.
    private func requireRecoverable(_ id: Int64, on connection: PostgresConnection) async throws -> any Wording {
        let rows = try await connection.liveQuery("""
            SELECT state, claimed_by, claim_expires_at <= clock_timestamp(), creditor_id FROM message WHERE id = \(id) FOR UPDATE
            """, logger: logger)
        var found: (String, String?, Bool?, String)?
        for try await row in rows.decode((String, String?, Bool?, String).self) { found = row }
        guard let (state, claimer, expired, creditor) = found else {
            throw PostgresStoreError(.notFound, "message #\(id) does not exist", context: ["message": "\(id)"])
        }
        guard state == OutboxState.sending.rawValue else {
            throw PostgresStoreError(.invalidState, "message #\(id) is \(state), expected sending", context: ["message": "\(id)"])
        }
        guard claimer == daemonID || expired == true else {
            throw PostgresStoreError(.notClaimer, "message #\(id) is being sent by another daemon (\(claimer ?? "none")) whose claim has not expired",
                                     context: ["message": "\(id)", "claimer": claimer ?? "", "daemon": daemonID])
        }
        return try await Self.wording(of: creditor, on: connection, logger: logger)
    }
}
