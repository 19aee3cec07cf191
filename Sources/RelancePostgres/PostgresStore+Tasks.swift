public import Foundation
import PostgresNIO
public import RelanceCore

/// Tasks for people on PostgreSQL, as on SQLite: opened once per dedup key and per customer and
/// ladder family (`openTask`, shared with the ports that open tasks on the way), listed oldest first.
extension PostgresStore: TaskStore {
    public func openTask(_ task: NewTask, at time: Date) async throws -> (id: Int64, isNew: Bool) {
        try await transaction { connection in try await Self.openTask(task, at: time, on: connection, logger: logger) }
    }

    public func tasks(of creditor: CreditorID?, state: WorkTask.State?) async throws -> [WorkTask] {
        try await connection { connection in
            try await Self.tasks(connection.liveQuery("""
                SELECT \(unescaped: Self.taskColumns) FROM task t
                WHERE (\(creditor?.rawValue)::text IS NULL OR t.creditor_id = \(creditor?.rawValue))
                AND (\(state?.rawValue)::text IS NULL OR t.state = \(state?.rawValue))
                ORDER BY t.created_at, t.id
                """, logger: logger))
        }
    }

    /// The columns `tasks(_:)` reads, of a task aliased `t`.
    static let taskColumns = """
        t.id, t.creditor_id, t.customer_id, t.kind, t.state, t.title, t.detail::text AS detail, t.step,
        ARRAY(SELECT invoice_id FROM task_invoice WHERE task_id = t.id ORDER BY invoice_id) AS invoices,
        t.created_at, t.due_on::text AS due_on, t.outcome, t.outcome_detail::text AS outcome_detail, t.closed_at, t.document_path,
        t.step_on::text AS step_on, t.attempts, t.retry_on::text AS retry_on, t.escalated_at
        """

    static func tasks(_ rows: PostgresRowSequence) async throws -> [WorkTask] {
        var tasks: [WorkTask] = []
        for try await row in rows {
            let cells = row.makeRandomAccess()
            let id = try cells["id"].decode(Int64.self)
            guard let creditor = CreditorID(try cells["creditor_id"].decode(String.self)),
                  let kind = WorkTask.Kind(rawValue: try cells["kind"].decode(String.self)),
                  let state = WorkTask.State(rawValue: try cells["state"].decode(String.self)) else {
                throw PostgresStoreError(.corrupt, "a task has an unknown creditor, kind or state", context: ["task": String(id)])
            }
            func day(_ column: String) throws -> CivilDate? { try cells[column].decode(String?.self).flatMap(CivilDate.init(iso8601:)) }
            let outcome = try cells["outcome"].decode(String?.self).flatMap {
                TaskOutcome(code: $0, parameters: storedParameters(try? cells["outcome_detail"].decode(String.self)))
            }
            var task = WorkTask(id: id, creditor: creditor, customerID: try cells["customer_id"].decode(Int64?.self), kind: kind,
                                state: state, title: try cells["title"].decode(String.self),
                                detail: storedParameters(try cells["detail"].decode(String.self)), step: try cells["step"].decode(String?.self),
                                invoiceIDs: try cells["invoices"].decode([Int64].self), createdAt: try cells["created_at"].decode(Date.self),
                                dueOn: try day("due_on"), outcome: outcome, closedAt: try cells["closed_at"].decode(Date?.self),
                                documentPath: try cells["document_path"].decode(String?.self))
            task.stepOn = try day("step_on")
            task.attempts = Int(try cells["attempts"].decode(Int64.self))
            task.retryOn = try day("retry_on")
            task.escalatedAt = try cells["escalated_at"].decode(Date?.self)
            tasks.append(task)
        }
        return tasks
    }
}
