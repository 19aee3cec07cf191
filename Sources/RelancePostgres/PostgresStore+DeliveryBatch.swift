import Foundation
import PostgresNIO
import RelanceCore

/// A batch's deliveries recorded in four statements whatever its size (issue #17), not five to
/// seven round trips per message: one read that locks the messages and gathers what recording
/// needs, one `UPDATE` of the messages, one `INSERT` of their `message.sent` lines, one `UPDATE`
/// of the recipients' answers.
///
/// Exactly once is unchanged: every message must still be `sending` and claimed by this daemon
/// (checked on the locked rows, in the batch's order, and again by the `UPDATE`), or nothing of
/// the batch is recorded; the caller's transaction commits the whole batch or none of it.
extension PostgresStore {
    func recordDeliveries(_ deliveries: [DeliveryRecord], on connection: PostgresConnection) async throws {
        guard !deliveries.isEmpty else { return }
        let ids = deliveries.map(\.id)
        let facts = try await deliveryFacts(ids, on: connection)
        for id in ids { try requireClaimed(id, state: facts[id]?.state, claimer: facts[id]?.claimer) }
        guard Set(ids).count == ids.count else {
            throw PostgresStoreError(.invalidState, "a message appears twice in one batch of deliveries: it can be sent only once",
                                     context: ["messages": ids.map(String.init).joined(separator: ",")])
        }
        try await markSent(deliveries, on: connection)
        try await appendSentLines(deliveries, facts: facts, on: connection)
        let replies = deliveries.flatMap { delivery in delivery.recipients.map { (id: delivery.id, at: delivery.at, reply: $0) } }
        try await recordReplies(replies, owner: { id in facts[id].map { ($0.creditor, $0.customerID, $0.words) } }, on: connection)
    }

    /// What recording a delivery needs of its message, read and locked for the batch at once.
    private struct BatchDeliveryFacts {
        var state: String
        var claimer: String?
        var creditor: String
        var customerID: Int64
        var step: String
        var customer: String
        var recipients: String
        var words: any Wording
    }

    private func deliveryFacts(_ ids: [Int64], on connection: PostgresConnection) async throws -> [Int64: BatchDeliveryFacts] {
        let rows = try await connection.liveQuery("""
            SELECT m.id, m.state, m.claimed_by, m.creditor_id, m.customer_id, m.step, c.external_id, c.name,
                   (SELECT string_agg(address, ', ') FROM message_recipient WHERE message_id = m.id),
                   (SELECT language FROM creditor WHERE id = m.creditor_id)
            FROM message m LEFT JOIN customer c ON c.id = m.customer_id WHERE m.id = ANY(\(ids)) FOR UPDATE OF m
            """, logger: logger)
        var facts: [Int64: BatchDeliveryFacts] = [:]
        for try await (id, state, claimer, creditor, customerID, step, code, name, recipients, language)
            in rows.decode((Int64, String, String?, String, Int64, String, String?, String?, String?, String?).self) {
            facts[id] = BatchDeliveryFacts(
                state: state, claimer: claimer, creditor: creditor, customerID: customerID, step: step,
                customer: [code, name].compactMap { $0 }.joined(separator: " "), recipients: recipients ?? "",
                words: (language.flatMap(Language.init(rawValue:)) ?? .english).wording)
        }
        return facts
    }

    /// `sent`, with the time of the server's 250 and its words, each message its own.
    private func markSent(_ deliveries: [DeliveryRecord], on connection: PostgresConnection) async throws {
        let rows = try await connection.liveQuery("""
            UPDATE message m SET state = 'sent', sent_at = d.at, server_reply = d.reply, next_attempt_at = NULL,
                sent_copy = CASE WHEN d.copy THEN 'pending' ELSE m.sent_copy END
            FROM unnest(\(deliveries.map(\.id))::bigint[], \(deliveries.map(\.at))::timestamptz[],
                        \(deliveries.map(\.serverReply))::text[], \(deliveries.map(\.copyToSent))::boolean[]) AS d(id, at, reply, copy)
            WHERE m.id = d.id AND m.state = 'sending' AND m.claimed_by = \(daemonID)
            RETURNING m.id
            """, logger: logger)
        var updated = 0
        for try await _ in rows.decode(Int64.self) { updated += 1 }
        guard updated == deliveries.count else {
            throw PostgresStoreError(.invalidState, "\(deliveries.count - updated) message(s) of the batch were no longer sending",
                                     context: ["messages": deliveries.map { String($0.id) }.joined(separator: ",")])
        }
    }

    /// The batch's `message.sent` lines, worded as one delivery's, in one `INSERT`.
    private func appendSentLines(_ deliveries: [DeliveryRecord], facts: [Int64: BatchDeliveryFacts],
                                 on connection: PostgresConnection) async throws {
        var creditors: [String] = [], customers: [Int64] = [], summaries: [String] = []
        for delivery in deliveries {
            guard let fact = facts[delivery.id] else { continue }
            creditors.append(fact.creditor)
            customers.append(fact.customerID)
            summaries.append(fact.words.messageSent(step: fact.step, messageID: delivery.id, customer: fact.customer,
                                                    recipients: fact.recipients, serverReply: delivery.serverReply).printable)
        }
        try await connection.liveQuery("""
            INSERT INTO event (at, kind, creditor_id, customer_id, message_id, summary, detail)
            SELECT d.at, 'message.sent', d.creditor, d.customer, d.message, d.summary, '{}'::jsonb
            FROM unnest(\(deliveries.map(\.at))::timestamptz[], \(creditors)::text[], \(customers)::bigint[],
                        \(deliveries.map(\.id))::bigint[], \(summaries)::text[]) WITH ORDINALITY AS d(at, creditor, customer, message, summary, n)
            ORDER BY d.n
            """, logger: logger)
    }

    /// Each recipient's answer on its row (addresses compare without case, as SMTP's do), and an
    /// `address.refused` line for each refusal that says the address is wrong: evidence only, the
    /// contact ladder decides what it changes. `owner` gives a message's creditor, customer and
    /// words, already read by the caller.
    func recordReplies(_ replies: [(id: Int64, at: Date, reply: RecipientReply)],
                       owner: (Int64) -> (creditor: String, customerID: Int64, words: any Wording)?,
                       on connection: PostgresConnection) async throws {
        guard !replies.isEmpty else { return }
        let updated = try await connection.liveQuery("""
            UPDATE message_recipient r SET reply = d.reply, verdict = d.verdict
            FROM unnest(\(replies.map(\.id))::bigint[], \(replies.map(\.reply.address))::text[],
                        \(replies.map(\.reply.reply))::text[], \(replies.map(\.reply.verdict.rawValue))::text[]) AS d(id, address, reply, verdict)
            WHERE r.message_id = d.id AND lower(r.address) = lower(d.address)
            RETURNING r.message_id, d.address, r.role
            """, logger: logger)
        var roles: [String: String] = [:]
        for try await (id, address, role) in updated.decode((Int64, String, String).self) { roles["\(id) \(address)"] = role }
        for (id, at, reply) in replies where reply.verdict == .wrongAddress {
            guard let (creditor, customerID, words) = owner(id) else { continue }
            let role = roles["\(id) \(reply.address)"]
            try await Self.append(NewEvent(
                time: at, kind: "address.refused", creditor: CreditorID(creditor), customerID: customerID, messageID: id,
                summary: words.addressRefusedByServer(address: reply.address, role: role, messageID: id, reply: reply.reply),
                detail: ["address": reply.address, "role": role ?? "unknown", "reply": reply.reply]), on: connection, logger: logger)
        }
    }
}
