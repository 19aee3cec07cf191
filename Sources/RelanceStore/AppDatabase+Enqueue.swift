public import Foundation
import GRDB
public import RelanceCore

/// Storing a day's reminders (`OutboxStore.enqueue`): composed outside the write lock, stored
/// in one transaction with a savepoint each.
extension AppDatabase {
    public func enqueue(_ batch: [PendingMessage], at time: Date) async throws -> [Result<Int64?, any Error>] {
        try await enqueue(batch, at: time, together: true)
    }

    /// `together: false` stores each message alone, as a batch the schema refused is: the
    /// reference the tests hold the batch's statements to (`OutboxBatchRowsTests`).
    func enqueue(_ batch: [PendingMessage], at time: Date, together: Bool) async throws -> [Result<Int64?, any Error>] {
        guard !batch.isEmpty else { return [] }
        // Composed before the write transaction, not inside it: rendering templates holds no lock,
        // so a sender recording deliveries meanwhile is not kept waiting. Each message gets an id
        // after the highest one (messages are never deleted; purges blank their bytes) and after
        // those of batches still being composed or written (`MessageIDReservation`), signed into
        // its Message-ID; an id left unused by a message that is not stored is a harmless gap.
        let stored = try await writer.read { db in try Self.nextMessageID(in: db) }
        let first = messageIDs.reserve(batch.count, after: stored)
        defer { messageIDs.release(first, count: batch.count) }
        let composed = await Self.compose(batch, firstID: first)
        return try await writer.write { db in
            // Another enqueue took some of those ids meanwhile (two planners at once, or a batch
            // reserved after this one and stored before it): compose again, here, after them.
            let stored = try Self.nextMessageID(in: db)
            let base = stored <= first ? first : stored
            let mails = base == first ? composed
                : batch.enumerated().map { index, pending in Result { try pending.compose(base + Int64(index)) } }
            // The whole batch under one savepoint first: a savepoint per message made SQLite copy
            // the pages each message touched into its sub-journal, a temporary file — 141 of the
            // 187 MB a run of benchmarks/smtp-send.sh wrote (2,000 reminders; issue #17).
            // Should the schema refuse one, that savepoint is rolled back and the batch stored
            // again one savepoint each, so that the refused message fails alone.
            // Within it, the batch's rows go in a few multi-row statements (`insertBatch`).
            let alone = { try batch.indices.map { index in try Self.insertAlone(batch[index].draft, mails[index], id: base + Int64(index), at: time, in: db) } }
            guard together else { return try alone() }
            do {
                var outcomes: [Result<Int64?, any Error>] = []
                try db.inSavepoint {
                    outcomes = try Self.insertBatch(batch.map(\.draft), mails, firstID: base, at: time, in: db)
                    return .commit
                }
                return outcomes
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                return try alone()
            }
        }
    }

    /// One message in a savepoint of its own: refused by the schema, it fails alone.
    private static func insertAlone(_ draft: MessageDraft, _ composed: Result<ComposedMail, any Error>, id: Int64, at time: Date,
                                    in db: Database) throws -> Result<Int64?, any Error> {
        let mail: ComposedMail
        switch composed {
        case .success(let composed): mail = composed
        case .failure(let error): return .failure(error)
        }
        var outcome: Result<Int64?, any Error> = .success(nil)
        try db.inSavepoint {
            do {
                outcome = .success(try insert(draft, mail, id: id, at: time, in: db))
                return .commit
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                outcome = .failure(error)
                return .rollback
            }
        }
        return outcome
    }

    /// Composes a batch on every core: composing (Mustache, MIME) costs more than sending a
    /// message. The parts run on threads of their own (`ComposingThreads`), not on the cooperative
    /// pool the sender needs between its batches. Each message keeps its place and its id, so the
    /// result is the same as composing one after the other.
    static func compose(_ batch: [PendingMessage], firstID first: Int64) async -> [Result<ComposedMail, any Error>] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, batch.count / minimumPerPart))
        let size = (batch.count + parts - 1) / parts
        let work = batch.parts(ofAtMost: size).map { slice in
            let start = slice.startIndex, part = Array(slice)
            return { @Sendable in
                part.enumerated().map { index, pending in Result<ComposedMail, any Error> { try pending.compose(first + Int64(start + index)) } }
            }
        }
        return await ComposingThreads.run(work).flatMap { $0 }
    }

    /// Fewer messages than this per core are composed on one: not worth the hand-over.
    static let minimumPerPart = 16

    private static func nextMessageID(in db: Database) throws -> Int64 {
        (try db.valueCached("SELECT MAX(id) FROM message", as: Int64.self) ?? 0) + 1
    }

    /// One message of a batch; nil when one of its invoices already has a live message for the step.
    /// The batch is stored by `insertBatch`, which writes the same rows; this, one message at a
    /// time, is what stores a batch the schema refused, so that the refused message fails alone.
    private static func insert(_ draft: MessageDraft, _ mail: ComposedMail, id: Int64, at time: Date, in db: Database) throws -> Int64? {
        for mention in draft.invoices {
            let taken = try db.valueCached("""
                SELECT 1 FROM message_invoice WHERE invoice_id = ? AND step = ? AND cancelled = 0
                """, [mention.invoiceID, mention.step], as: Bool.self) ?? false
            if taken { return nil }
        }
        try db.executeCached("""
            INSERT INTO message (id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [id, draft.creditor.rawValue, draft.customerID, draft.step, draft.plannedOn.iso8601,
                  mail.messageID, mail.envelopeFrom.value,
                  (draft.awaitingApproval ? OutboxState.awaitingApproval : .queued).rawValue, StoredTime.text(time)])
        // The bytes apart, written once: the message's row changes state, this one never (v25).
        try db.executeCached("INSERT INTO message_body (message_id, raw) VALUES (?, ?)", [id, Data(mail.bytes)])
        for (role, addresses) in [("to", draft.to), ("cc", draft.cc)] {
            for address in addresses {
                try db.executeCached("INSERT OR IGNORE INTO message_recipient (message_id, address, role) VALUES (?, ?, ?)",
                                     [id, address.value, role])
            }
        }
        for mention in draft.invoices {
            try db.executeCached("INSERT INTO message_invoice (message_id, invoice_id, step, stated_open_minor) VALUES (?, ?, ?, ?)",
                                 [id, mention.invoiceID, mention.step, mention.open.minorUnits])
        }
        let words = try wording(of: draft.creditor.rawValue, in: db)
        let to = draft.to.map(\.value)
        try append(NewEvent(time: time, kind: draft.awaitingApproval ? "message.awaiting-approval" : "message.queued",
                            creditor: draft.creditor, customerID: draft.customerID, messageID: id,
                            summary: draft.awaitingApproval
                                ? words.messageAwaitingApproval(step: draft.step, to: to, invoices: draft.invoices.count, plannedOn: draft.plannedOn)
                                : words.messageQueued(step: draft.step, to: to, invoices: draft.invoices.count, plannedOn: draft.plannedOn),
                            detail: ["message_id": mail.messageID]), in: db)
        return id
    }
}
