import Foundation
import PostgresNIO
import RelanceCore

/// Opening a task within the caller's transaction, as the SQLite store's `openTask` does: one
/// open task per creditor and dedup key, one per customer and ladder family, and its
/// `task.opened` event. Used by the task ports and by those that open tasks on the way (a held
/// message, a paused outbox, an inbound message).
extension PostgresStore {
    /// Serialises the opening of the creditor's tasks until the transaction ends: two daemons
    /// looking for the same open task at once would otherwise both find none and both insert
    /// (the second then failing on a unique index instead of finding the first's task).
    static func lockTaskOpening(of creditor: CreditorID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.liveQuery("SELECT pg_advisory_xact_lock(hashtext(\("task-opening:" + creditor.rawValue)))", logger: logger)
    }

    @discardableResult
    static func openTask(_ task: NewTask, at time: Date, on connection: PostgresConnection, logger: Logger) async throws -> (id: Int64, isNew: Bool) {
        try await lockTaskOpening(of: task.creditor, on: connection, logger: logger)
        if let key = task.dedupKey {
            let rows = try await connection.liveQuery("""
                SELECT id FROM task WHERE creditor_id = \(task.creditor.rawValue) AND dedup_key = \(key) AND state = 'open'
                """, logger: logger)
            for try await id in rows.decode(Int64.self) { return (id, false) }
        }
        // One open task per customer and family: a bounce's call for a customer the ladder is
        // already calling is that call.
        if let family = task.kind.family, let customer = task.customerID,
           let existing = try await openTask(ofFamily: family, customerID: customer, on: connection, logger: logger) {
            return (existing.id, false)
        }
        return (try await insertTask(task, stepOn: nil, at: time, on: connection, logger: logger), true)
    }

    /// The customer's open task of a ladder family, if any (locked until the transaction ends).
    static func openTask(ofFamily family: String, customerID: Int64, on connection: PostgresConnection,
                         logger: Logger) async throws -> OpenLadderTask? {
        let rows = try await connection.liveQuery("""
            SELECT id, kind, step, step_on::text FROM task WHERE customer_id = \(customerID) AND state = 'open'
            AND kind IN ('call', 'letter', 'registered-letter', 'formal-notice', 'legal-action', 'hand-off')
            AND (CASE kind WHEN 'call' THEN 'call' WHEN 'legal-action' THEN 'legal-action' WHEN 'hand-off' THEN 'hand-off'
                 ELSE 'letter' END) = \(family)
            FOR UPDATE
            """, logger: logger)
        for try await (id, kind, step, stepOn) in rows.decode((Int64, String, String?, String?).self) {
            return OpenLadderTask(id: id, kind: WorkTask.Kind(rawValue: kind) ?? .call, step: step,
                                  stepOn: stepOn.flatMap(CivilDate.init(iso8601:)))
        }
        return nil
    }

    /// Inserts the task (with `id` when the caller reserved it), its invoices and its `task.opened` event.
    /// The invoices a task is about (`task_invoice`), a repeated one once.
    static func linkInvoices(_ invoiceIDs: [Int64], toTask id: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        for invoice in invoiceIDs {
            try await connection.liveQuery("INSERT INTO task_invoice (task_id, invoice_id) VALUES (\(id), \(invoice)) ON CONFLICT DO NOTHING",
                                           logger: logger)
        }
    }

    /// A task's invoices replaced by `invoiceIDs` (a call moved on or written again with today's figures).
    static func relinkInvoices(_ invoiceIDs: [Int64], toTask id: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.liveQuery("DELETE FROM task_invoice WHERE task_id = \(id)", logger: logger)
        try await linkInvoices(invoiceIDs, toTask: id, on: connection, logger: logger)
    }

    static func insertTask(_ task: NewTask, stepOn: CivilDate?, at time: Date, id reserved: Int64? = nil,
                           on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await connection.liveQuery("""
            INSERT INTO task (id, creditor_id, customer_id, kind, state, dedup_key, title, detail, step, message_id, document_path,
                              created_at, due_on, step_on)
            VALUES (COALESCE(\(reserved), nextval(pg_get_serial_sequence('task', 'id'))), \(task.creditor.rawValue), \(task.customerID),
                    \(task.kind.rawValue), 'open', \(task.dedupKey), \(task.title), \(detailJSON(task.detail))::jsonb, \(task.step),
                    \(task.messageID), \(task.documentPath), \(time), \(task.dueOn?.iso8601)::date, \(stepOn?.iso8601)::date)
            RETURNING id
            """, logger: logger)
        var id: Int64?
        for try await inserted in rows.decode(Int64.self) { id = inserted }
        guard let id else { throw PostgresStoreError(.corrupt, "a task was not stored", context: ["kind": task.kind.rawValue]) }
        try await linkInvoices(task.invoiceIDs, toTask: id, on: connection, logger: logger)
        try await append(task.openedEvent(id: id, words: try await wording(of: task.creditor.rawValue, on: connection, logger: logger), at: time),
                         on: connection, logger: logger)
        return id
    }

    /// A task id taken from the table's sequence before the task is inserted (a superseded
    /// letter names its successor).
    static func reserveTaskID(on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await connection.liveQuery("SELECT nextval(pg_get_serial_sequence('task', 'id'))", logger: logger)
        for try await id in rows.decode(Int64.self) { return id }
        throw PostgresStoreError(.corrupt, "the task sequence gave no id")
    }
}
