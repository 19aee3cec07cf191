public import Foundation
import PostgresNIO
public import RelanceCore

/// Storing a batch of composed reminders in the shared outbox: a few statements for the whole
/// batch (one read of what is already queued, one multi-row `INSERT` per table, one for the
/// journal) rather than nine round trips a message (issue 16). Should the schema refuse one of
/// them, the batch is stored again one message at a time, each under a savepoint of its own,
/// so that the refused message fails alone — as the SQLite store does.
extension PostgresStore {
    public func enqueue(_ batch: [PendingMessage], at time: Date) async throws -> [Result<Int64?, any Error>] {
        try await enqueue(batch, at: time, together: true)
    }

    /// `together: false` stores each message alone, as a batch the schema refused is: the
    /// reference the tests hold the batch's statements to.
    func enqueue(_ batch: [PendingMessage], at time: Date, together: Bool) async throws -> [Result<Int64?, any Error>] {
        guard !batch.isEmpty else { return [] }
        // Ids reserved from the sequence first (another daemon enqueuing meanwhile gets others),
        // so each message is composed with its own id signed into its Message-ID, outside any
        // transaction. An id left unused by a message that is not stored is a harmless gap.
        let ids = try await connection { connection in
            var ids: [Int64] = []
            let rows = try await connection.liveQuery("""
                SELECT nextval(pg_get_serial_sequence('message', 'id')) FROM generate_series(1, \(Int64(batch.count)))
                """, logger: logger)
            for try await id in rows.decode(Int64.self) { ids.append(id) }
            return ids
        }
        let mails = batch.indices.map { index in Result { try batch[index].compose(ids[index]) } }
        // Results hold errors (not Sendable): the transaction hands back outcomes, turned into
        // results here.
        let outcomes: [StoredOutcome] = try await transaction { connection in
            // Read by this transaction: another daemon may change a creditor's language meanwhile.
            let words = try await Self.wordings(of: Set(batch.map(\.draft.creditor.rawValue)), on: connection, logger: logger)
            if together {
                try await connection.liveQuery("SAVEPOINT batch", logger: logger)
                do {
                    let outcomes = try await Self.insertTogether(batch, mails, ids: ids, words: words, at: time, on: connection, logger: logger)
                    try await connection.liveQuery("RELEASE SAVEPOINT batch", logger: logger)
                    return outcomes
                } catch let error as PSQLError where error.isConstraintViolation {
                    try await connection.liveQuery("ROLLBACK TO SAVEPOINT batch", logger: logger)
                }
            }
            var outcomes: [StoredOutcome] = []
            for index in batch.indices {
                guard case .success(let mail) = mails[index] else { outcomes.append(.notComposed); continue }
                try await connection.liveQuery("SAVEPOINT message", logger: logger)
                do {
                    let id = try await Self.insertAlone(batch[index].draft, mail, id: ids[index], words: words, at: time,
                                                        on: connection, logger: logger)
                    try await connection.liveQuery("RELEASE SAVEPOINT message", logger: logger)
                    outcomes.append(id.map(StoredOutcome.stored) ?? .alreadyQueued)
                } catch let error as PSQLError where error.isConstraintViolation {
                    try await connection.liveQuery("ROLLBACK TO SAVEPOINT message", logger: logger)
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

    /// An invoice's step, which one live message at most may speak of (`message_invoice_step_once`).
    private struct InvoiceStep: Hashable { var invoice: Int64; var step: String }

    /// The batch's messages in one statement per table, in the batch's order. A message one of
    /// whose invoices' steps already has a live message — queued before, or earlier in this
    /// batch — is not stored (`alreadyQueued`), as `insertAlone` would find it one at a time.
    private static func insertTogether(_ batch: [PendingMessage], _ mails: [Result<ComposedMail, any Error>], ids: [Int64],
                                       words: [String: any Wording], at time: Date,
                                       on connection: PostgresConnection, logger: Logger) async throws -> [StoredOutcome] {
        var taken = Set<InvoiceStep>()
        let invoiceIDs = Set(batch.flatMap { $0.draft.invoices.map(\.invoiceID) }).sorted()
        if !invoiceIDs.isEmpty {
            let rows = try await connection.liveQuery("""
                SELECT invoice_id, step FROM message_invoice WHERE invoice_id = ANY(\(invoiceIDs)) AND NOT cancelled
                """, logger: logger)
            for try await (invoice, step) in rows.decode((Int64, String).self) { taken.insert(InvoiceStep(invoice: invoice, step: step)) }
        }
        var messages = MultiRowInsert(
            "INSERT INTO message (id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, state, created_at)")
        // The bytes apart, written once (migration 3): the message's row only changes state.
        var bodies = MultiRowInsert("INSERT INTO message_body (message_id, raw)")
        // In the rows' order, `to` before `cc`: an address in both stays `to`, as one at a time.
        var recipients = MultiRowInsert("INSERT INTO message_recipient (message_id, address, role)", then: "ON CONFLICT DO NOTHING")
        var mentions = MultiRowInsert("INSERT INTO message_invoice (message_id, invoice_id, step, stated_open_minor)")
        var events: [NewEvent] = []
        var outcomes: [StoredOutcome] = []
        for index in batch.indices {
            guard case .success(let mail) = mails[index] else { outcomes.append(.notComposed); continue }
            let draft = batch[index].draft, id = ids[index]
            let steps = draft.invoices.map { InvoiceStep(invoice: $0.invoiceID, step: $0.step) }
            if steps.contains(where: taken.contains) { outcomes.append(.alreadyQueued); continue }
            taken.formUnion(steps)
            try messages.add(id)
            try messages.add(draft.creditor.rawValue)
            try messages.add(draft.customerID)
            try messages.add(draft.step)
            try messages.add(draft.plannedOn.iso8601, cast: "::date")
            try messages.add(mail.messageID)
            try messages.add(mail.envelopeFrom.value)
            try messages.add((draft.awaitingApproval ? OutboxState.awaitingApproval : .queued).rawValue)
            try messages.add(time)
            messages.endRow()
            try bodies.add(id)
            try bodies.add(ByteBuffer(bytes: mail.bytes))
            bodies.endRow()
            for (role, addresses) in [("to", draft.to), ("cc", draft.cc)] {
                for address in addresses {
                    try recipients.add(id)
                    try recipients.add(address.value)
                    try recipients.add(role)
                    recipients.endRow()
                }
            }
            for mention in draft.invoices {
                try mentions.add(id)
                try mentions.add(mention.invoiceID)
                try mentions.add(mention.step)
                try mentions.add(mention.open.minorUnits)
                mentions.endRow()
            }
            events.append(storedEvent(draft, mail, id: id, words: words, at: time))
            outcomes.append(.stored(id))
        }
        for rows in [messages, bodies, recipients, mentions] where !rows.isEmpty { try await rows.run(on: connection, logger: logger) }
        try await append(events, on: connection, logger: logger)
        return outcomes
    }

    /// One message of a batch, alone; nil when one of its invoices already has a live message for the step.
    private static func insertAlone(_ draft: MessageDraft, _ mail: ComposedMail, id: Int64, words: [String: any Wording], at time: Date,
                                    on connection: PostgresConnection, logger: Logger) async throws -> Int64? {
        for mention in draft.invoices {
            let taken = try await connection.liveQuery("""
                SELECT 1 FROM message_invoice WHERE invoice_id = \(mention.invoiceID) AND step = \(mention.step) AND NOT cancelled
                """, logger: logger)
            for try await _ in taken { return nil }
        }
        let state = (draft.awaitingApproval ? OutboxState.awaitingApproval : .queued).rawValue
        try await connection.liveQuery("""
            INSERT INTO message (id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, state, created_at)
            VALUES (\(id), \(draft.creditor.rawValue), \(draft.customerID), \(draft.step), \(draft.plannedOn.iso8601)::date,
                    \(mail.messageID), \(mail.envelopeFrom.value), \(state), \(time))
            """, logger: logger)
        try await connection.liveQuery("INSERT INTO message_body (message_id, raw) VALUES (\(id), \(ByteBuffer(bytes: mail.bytes)))", logger: logger)
        for (role, addresses) in [("to", draft.to), ("cc", draft.cc)] {
            for address in addresses {
                try await connection.liveQuery("""
                    INSERT INTO message_recipient (message_id, address, role) VALUES (\(id), \(address.value), \(role))
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
        }
        for mention in draft.invoices {
            try await connection.liveQuery("""
                INSERT INTO message_invoice (message_id, invoice_id, step, stated_open_minor)
                VALUES (\(id), \(mention.invoiceID), \(mention.step), \(mention.open.minorUnits))
                """, logger: logger)
        }
        try await append(storedEvent(draft, mail, id: id, words: words, at: time), on: connection, logger: logger)
        return id
    }

    /// The journal's line for a stored message: queued, or awaiting approval.
    private static func storedEvent(_ draft: MessageDraft, _ mail: ComposedMail, id: Int64, words: [String: any Wording],
                                    at time: Date) -> NewEvent {
        let words = words[draft.creditor.rawValue] ?? Language.english.wording
        let to = draft.to.map(\.value)
        return NewEvent(time: time, kind: draft.awaitingApproval ? "message.awaiting-approval" : "message.queued",
                        creditor: draft.creditor, customerID: draft.customerID, messageID: id,
                        summary: draft.awaitingApproval
                            ? words.messageAwaitingApproval(step: draft.step, to: to, invoices: draft.invoices.count, plannedOn: draft.plannedOn)
                            : words.messageQueued(step: draft.step, to: to, invoices: draft.invoices.count, plannedOn: draft.plannedOn),
                        detail: ["message_id": mail.messageID])
    }
}

extension PSQLError {
    /// Class 23 (integrity constraint violation): the schema refused a row.
    var isConstraintViolation: Bool { serverInfo?[.sqlState]?.hasPrefix("23") == true }
}
