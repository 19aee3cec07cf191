import Foundation
import GRDB
import RelanceCore

/// A day's batch of reminders stored in a few statements, whatever its size (issue #17): one read
/// of the invoices already spoken for, then one `INSERT` each of the messages, their bytes, their
/// recipients, their invoices and their journal lines, a few hundred rows to a statement. One
/// statement of each per message (five to seven a reminder) kept the writer — and so the sender,
/// waiting to record its deliveries — busy 10–40 ms per 200 reminders while a day was planned.
///
/// The rows are those `insert(_:_:id:at:in:)` writes one message at a time, in the same order, so
/// that every table's rows (and the journal's ids) come out the same: a message one of whose
/// invoices already has a live message for its step — stored before, or earlier in this batch —
/// is left out (its id a gap), and a message that failed to compose stores nothing.
extension AppDatabase {
    /// Rows per statement, every table of the batch alike: the widest row (a message's, 9
    /// values) binds 4,500 at 500, far under SQLite's limit, and a day's 2,000 reminders take a
    /// few statements a table — the figure issue #17's batches were written and measured with.
    private static let enqueuedPerStatement = 500

    private static let messageInsert = MultiRowStatement("""
        INSERT INTO message (id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, state, created_at) VALUES
        """, columns: 9, rowsPerStatement: enqueuedPerStatement)
    /// Cut as `messageInsert` is: a part's messages and their bytes go together.
    private static let bodyInsert = MultiRowStatement("INSERT INTO message_body (message_id, raw) VALUES", columns: 2,
                                                      rowsPerStatement: enqueuedPerStatement)
    private static let recipientInsert = MultiRowStatement("INSERT OR IGNORE INTO message_recipient (message_id, address, role) VALUES",
                                                           columns: 3, rowsPerStatement: enqueuedPerStatement)
    private static let invoiceInsert = MultiRowStatement("INSERT INTO message_invoice (message_id, invoice_id, step, stated_open_minor) VALUES",
                                                         columns: 4, rowsPerStatement: enqueuedPerStatement)
    private static let queuedLineInsert = MultiRowStatement("""
        INSERT INTO event (at, kind, creditor_id, customer_id, message_id, summary, detail) VALUES
        """, columns: 7, rowsPerStatement: enqueuedPerStatement)

    /// Stores `mails[i]` for `drafts[i]` under id `firstID + i`; the outcomes in the batch's order.
    /// Throws what the schema refuses (the caller then stores the batch one message at a time).
    static func insertBatch(_ drafts: [MessageDraft], _ mails: [Result<ComposedMail, any Error>], firstID: Int64, at time: Date,
                            in db: Database) throws -> [Result<Int64?, any Error>] {
        var spokenFor = try liveMentions(of: drafts, in: db)
        var outcomes: [Result<Int64?, any Error>] = []
        outcomes.reserveCapacity(drafts.count)
        var stored: [StoredReminder] = []
        stored.reserveCapacity(drafts.count)
        for index in drafts.indices {
            switch mails[index] {
            case .failure(let error):
                outcomes.append(.failure(error))
            case .success(let mail):
                let draft = drafts[index]
                if draft.invoices.contains(where: { spokenFor.contains(MentionKey($0)) }) {
                    outcomes.append(.success(nil))
                    continue
                }
                // Only once the message is kept: its own invoices checked against themselves would
                // hide a draft naming one twice, which the schema refuses (and `insert` with it).
                for mention in draft.invoices { spokenFor.insert(MentionKey(mention)) }
                let id = firstID + Int64(index)
                stored.append(StoredReminder(id: id, draft: draft, mail: mail))
                outcomes.append(.success(id))
            }
        }
        for part in messageInsert.parts(of: stored) {
            try insertMessages(part, at: time, in: db)
            try insertBodies(part, in: db)
        }
        try insertRows(of: stored.flatMap(\.recipientRows), with: recipientInsert, in: db)
        try insertRows(of: stored.flatMap(\.invoiceRows), with: invoiceInsert, in: db)
        try insertQueuedLines(stored, at: time, in: db)
        return outcomes
    }

    /// A message kept for storing, with its id.
    private struct StoredReminder {
        var id: Int64
        var draft: MessageDraft
        var mail: ComposedMail

        /// Its recipients' rows, `to` before `cc`, as `insert` writes them.
        var recipientRows: [[DatabaseValue]] {
            [("to", draft.to), ("cc", draft.cc)].flatMap { role, addresses in
                addresses.map { [id.databaseValue, $0.value.databaseValue, role.databaseValue] }
            }
        }

        var invoiceRows: [[DatabaseValue]] {
            draft.invoices.map { [id.databaseValue, $0.invoiceID.databaseValue, $0.step.databaseValue, $0.open.minorUnits.databaseValue] }
        }
    }

    /// An invoice at a step: what `message_invoice_step_once` keeps to one live message.
    private struct MentionKey: Hashable {
        var invoiceID: Int64
        var step: String
        init(_ mention: InvoiceMention) { (invoiceID, step) = (mention.invoiceID, mention.step) }
        init(invoiceID: Int64, step: String) { (self.invoiceID, self.step) = (invoiceID, step) }
    }

    /// The batch's invoices at any step that already have a live message (one read, not one per invoice).
    private static func liveMentions(of drafts: [MessageDraft], in db: Database) throws -> Set<MentionKey> {
        let invoiceIDs = Array(Set(drafts.flatMap { $0.invoices.map(\.invoiceID) }))
        guard !invoiceIDs.isEmpty else { return [] }
        let rows = try db.rowsCached("""
            SELECT invoice_id, step FROM message_invoice WHERE cancelled = 0 AND invoice_id IN (SELECT value FROM json_each(?))
            """, [jsonArray(invoiceIDs)])
        return Set(rows.map { MentionKey(invoiceID: $0[0], step: $0[1]) })
    }

    private static func insertMessages(_ part: ArraySlice<StoredReminder>, at time: Date, in db: Database) throws {
        var arguments: [(any DatabaseValueConvertible)?] = []
        arguments.reserveCapacity(part.count * 9)
        let created = StoredTime.text(time)
        for reminder in part {
            let draft = reminder.draft
            arguments += [reminder.id, draft.creditor.rawValue, draft.customerID, draft.step, draft.plannedOn.iso8601,
                          reminder.mail.messageID, reminder.mail.envelopeFrom.value,
                          (draft.awaitingApproval ? OutboxState.awaitingApproval : .queued).rawValue, created]
        }
        try db.executeCached(messageInsert.sql(rows: part.count), StatementArguments(arguments))
    }

    /// The bytes apart, written once: the message's row changes state, this one never (v25).
    private static func insertBodies(_ part: ArraySlice<StoredReminder>, in db: Database) throws {
        var arguments: [(any DatabaseValueConvertible)?] = []
        arguments.reserveCapacity(part.count * 2)
        for reminder in part { arguments += [reminder.id, Data(reminder.mail.bytes)] }
        try db.executeCached(bodyInsert.sql(rows: part.count), StatementArguments(arguments))
    }

    /// `rows` (each of `statement`'s width) in its statements, a few hundred to one.
    private static func insertRows(of rows: [[DatabaseValue]], with statement: MultiRowStatement, in db: Database) throws {
        for part in statement.parts(of: rows) {
            try db.executeCached(statement.sql(rows: part.count), StatementArguments(part.flatMap { $0 }))
        }
    }

    /// Each message's `message.queued` (or `message.awaiting-approval`) line, worded as `insert` words it.
    private static func insertQueuedLines(_ stored: [StoredReminder], at time: Date, in db: Database) throws {
        var words: [String: any Wording] = [:]
        let at = StoredTime.text(time)
        var lines: [[DatabaseValue]] = []
        lines.reserveCapacity(stored.count)
        for reminder in stored {
            let draft = reminder.draft
            let creditor = draft.creditor.rawValue
            let wording = try words[creditor] ?? wording(of: creditor, in: db)
            words[creditor] = wording
            let to = draft.to.map(\.value)
            let summary = draft.awaitingApproval
                ? wording.messageAwaitingApproval(step: draft.step, to: to, invoices: draft.invoices.count, plannedOn: draft.plannedOn)
                : wording.messageQueued(step: draft.step, to: to, invoices: draft.invoices.count, plannedOn: draft.plannedOn)
            lines.append([at.databaseValue, (draft.awaitingApproval ? "message.awaiting-approval" : "message.queued").databaseValue,
                          creditor.databaseValue, draft.customerID.databaseValue, reminder.id.databaseValue,
                          summary.printable.databaseValue, EventDetailJSON.encode(["message_id": reminder.mail.messageID]).databaseValue])
        }
        try insertRows(of: lines, with: queuedLineInsert, in: db)
    }
}
