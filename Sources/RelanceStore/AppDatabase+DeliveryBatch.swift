import Foundation
import GRDB
import RelanceCore

/// A batch's deliveries recorded in a few statements, whatever its size (issue #17): one read
/// of what recording needs, one `UPDATE` of the messages, one `INSERT` of their `message.sent`
/// lines, one `UPDATE` of the recipients' answers. One statement of each per message cost
/// about a tenth of the sending path's CPU.
///
/// Exactly once is unchanged: every message of the batch must still be `sending` (checked on the
/// rows read, and again by the `UPDATE`'s count), or nothing of the batch is recorded; the
/// caller's transaction commits the whole batch or none of it.
extension AppDatabase {
    /// Rows per statement of a batch's deliveries (and of a claim's lines): a batch of the
    /// sender's is a few hundred messages, so one statement each; the widest row (a sent line's,
    /// 6 values) binds 3,000 at 500, far under SQLite's limit.
    static let deliveriesPerStatement = 500

    private static let sentMarks = MultiRowStatement("WITH d(id, at, reply, copy) AS (VALUES", columns: 4, tail: """
        )
        UPDATE message SET state = 'sent', sent_at = d.at, server_reply = d.reply, next_attempt_at = NULL,
            sent_copy = CASE WHEN d.copy THEN 'pending' ELSE message.sent_copy END
        FROM d WHERE message.id = d.id AND message.state = 'sending'
        """, rowsPerStatement: deliveriesPerStatement)
    /// Cut as `sentMarks` is: a part's messages and their lines go together.
    private static let sentLines = MultiRowStatement("""
        INSERT INTO event (at, kind, creditor_id, customer_id, message_id, summary, detail)
        SELECT column1, 'message.sent', column2, column3, column4, column5, column6 FROM (VALUES
        """, columns: 6, tail: ")", rowsPerStatement: deliveriesPerStatement)
    private static let replyMarks = MultiRowStatement("WITH r(id, address, reply, verdict) AS (VALUES", columns: 4, tail: """
        )
        UPDATE message_recipient SET reply = r.reply, verdict = r.verdict
        FROM r WHERE message_recipient.message_id = r.id AND message_recipient.address = r.address COLLATE NOCASE
        """, rowsPerStatement: deliveriesPerStatement)

    static func recordDeliveries(_ deliveries: [DeliveryRecord], in db: Database) throws {
        guard !deliveries.isEmpty else { return }
        let ids = deliveries.map(\.id)
        let facts = try deliveryFacts(ids, in: db)
        for id in ids { try requireSending(id, state: facts[id]?["state"]) }
        guard Set(ids).count == ids.count else {
            throw StoreError(.invalidState, "a message appears twice in one batch of deliveries: it can be sent only once")
        }
        for part in sentMarks.parts(of: deliveries) {
            try markSent(part, in: db)
            try appendSentLines(part, facts: facts, in: db)
        }
        let replies = deliveries.flatMap { delivery in delivery.recipients.map { (id: delivery.id, at: delivery.at, reply: $0) } }
        try recordReplies(replies, owner: { ((facts[$0]?["creditor_id"] as String?).flatMap(CreditorID.init), facts[$0]?["customer_id"]) },
                          in: db)
    }

    /// Each recipient's answer on its row, a few hundred to a statement; then, for each refusal
    /// that says the address is wrong, a line of its own (rare): evidence for the contact ladder.
    /// `owner` gives a message's creditor and customer, already read by the caller.
    static func recordReplies(_ replies: [(id: Int64, at: Date, reply: RecipientReply)],
                              owner: (Int64) -> (creditor: CreditorID?, customerID: Int64?), in db: Database) throws {
        for part in replyMarks.parts(of: replies) { try updateReplies(part, in: db) }
        for (id, at, reply) in replies where reply.verdict == .wrongAddress {
            let (creditor, customerID) = owner(id)
            try journalWrongAddress(reply, of: id, creditor: creditor, customerID: customerID, at: at, in: db)
        }
    }

    /// `sent`, with the time of the server's 250 and its words, each message its own.
    private static func markSent(_ deliveries: ArraySlice<DeliveryRecord>, in db: Database) throws {
        var arguments: [(any DatabaseValueConvertible)?] = []
        arguments.reserveCapacity(deliveries.count * 4)
        for delivery in deliveries {
            arguments += [delivery.id, StoredTime.text(delivery.at), delivery.serverReply, delivery.copyToSent]
        }
        try db.executeCached(sentMarks.sql(rows: deliveries.count), StatementArguments(arguments))
        guard db.changesCount == deliveries.count else {
            throw StoreError(.invalidState, "\(deliveries.count - db.changesCount) message(s) of the batch were no longer sending")
        }
    }

    /// The batch's `message.sent` lines, worded as one delivery's (`sentSummary`), in one `INSERT`.
    private static func appendSentLines(_ deliveries: ArraySlice<DeliveryRecord>, facts: [Int64: Row], in db: Database) throws {
        var arguments: [(any DatabaseValueConvertible)?] = []
        arguments.reserveCapacity(deliveries.count * 7)
        let noDetail = EventDetailJSON.encode([:])
        for delivery in deliveries {
            let row = facts[delivery.id]
            arguments += [StoredTime.text(delivery.at), row?["creditor_id"] as String?, row?["customer_id"] as Int64?, delivery.id,
                          sentSummary(delivery.id, of: row, serverReply: delivery.serverReply).printable, noDetail]
        }
        try db.executeCached(sentLines.sql(rows: deliveries.count), StatementArguments(arguments))
    }

    /// Each recipient's answer on its row (addresses compare without case, as SMTP's do).
    private static func updateReplies(_ replies: ArraySlice<(id: Int64, at: Date, reply: RecipientReply)>, in db: Database) throws {
        var arguments: [(any DatabaseValueConvertible)?] = []
        arguments.reserveCapacity(replies.count * 4)
        for (id, _, reply) in replies { arguments += [id, reply.address, reply.reply, reply.verdict.rawValue] }
        try db.executeCached(replyMarks.sql(rows: replies.count), StatementArguments(arguments))
    }
}
