import Foundation
import PostgresNIO
import RelanceCore

/// Opening a task within the caller's transaction, as the SQLite store's `openTask` does: one
/// open task per creditor and dedup key, one per customer and ladder family, and its
/// `task.opened` event. Used by the ports that open tasks on the way (a held message, a paused
/// outbox); the task port itself is not written yet on PostgreSQL (issue 16).
extension PostgresStore {
    @discardableResult
    static func openTask(_ task: NewTask, at time: Date, on connection: PostgresConnection, logger: Logger) async throws -> (id: Int64, isNew: Bool) {
        if let key = task.dedupKey {
            let rows = try await connection.query("""
                SELECT id FROM task WHERE creditor_id = \(task.creditor.rawValue) AND dedup_key = \(key) AND state = 'open'
                """, logger: logger)
            for try await id in rows.decode(Int64.self) { return (id, false) }
        }
        if let family = task.kind.family, let customer = task.customerID {
            let rows = try await connection.query("""
                SELECT id FROM task WHERE customer_id = \(customer) AND state = 'open'
                AND kind IN ('call', 'letter', 'registered-letter', 'formal-notice', 'legal-action', 'hand-off')
                AND (CASE kind WHEN 'call' THEN 'call' WHEN 'legal-action' THEN 'legal-action' WHEN 'hand-off' THEN 'hand-off'
                     ELSE 'letter' END) = \(family)
                """, logger: logger)
            for try await id in rows.decode(Int64.self) { return (id, false) }
        }
        let rows = try await connection.query("""
            INSERT INTO task (creditor_id, customer_id, kind, state, dedup_key, title, detail, step, message_id, document_path,
                              created_at, due_on)
            VALUES (\(task.creditor.rawValue), \(task.customerID), \(task.kind.rawValue), 'open', \(task.dedupKey), \(task.title),
                    \(detailJSON(task.detail))::jsonb, \(task.step), \(task.messageID), \(task.documentPath), \(time),
                    \(task.dueOn?.iso8601)::date)
            RETURNING id
            """, logger: logger)
        var id: Int64?
        for try await inserted in rows.decode(Int64.self) { id = inserted }
        guard let id else { throw PostgresStoreError(.corrupt, "a task was not stored", context: ["kind": task.kind.rawValue]) }
        for invoice in task.invoiceIDs {
            try await connection.query("INSERT INTO task_invoice (task_id, invoice_id) VALUES (\(id), \(invoice)) ON CONFLICT DO NOTHING",
                                       logger: logger)
        }
        try await append(NewEvent(time: time, kind: "task.opened", creditor: task.creditor, customerID: task.customerID,
                                  messageID: task.messageID,
                                  summary: try await wording(of: task.creditor.rawValue, on: connection, logger: logger)
                                      .taskOpened(id: id, kind: task.kind, title: task.title),
                                  detail: ["task": String(id)]), on: connection, logger: logger)
        return (id, true)
    }
}
