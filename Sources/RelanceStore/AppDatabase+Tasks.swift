public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: TaskStore {
    public func openTask(_ task: NewTask, at time: Date) async throws -> (id: Int64, isNew: Bool) {
        try await writer.write { db in try Self.openTask(task, at: time, in: db) }
    }

    /// Within the caller's transaction, so that a decision (an outbox verdict, an inbound
    /// message) and the task it raises commit together.
    static func openTask(_ task: NewTask, at time: Date, in db: Database) throws -> (id: Int64, isNew: Bool) {
        if let key = task.dedupKey, let existing = try Int64.fetchOne(db, sql: """
            SELECT id FROM task WHERE creditor_id = ? AND dedup_key = ? AND state = 'open'
            """, arguments: [task.creditor.rawValue, key]) {
            return (existing, false)
        }
        // One open task per customer and family (v6-task-outcomes): a bounce's call for a customer
        // the ladder is already calling is that call.
        if let family = task.kind.family, let customer = task.customerID,
           let existing = try openTask(ofFamily: family, customerID: customer, in: db) {
            return (existing.id, false)
        }
        return (try insertTask(task, stepOn: nil, at: time, in: db), true)
    }

    /// The invoices a task is about (`task_invoice`), a repeated one once.
    static func linkInvoices(_ invoiceIDs: [Int64], toTask id: Int64, in db: Database) throws {
        for invoice in invoiceIDs {
            try db.execute(sql: "INSERT OR IGNORE INTO task_invoice (task_id, invoice_id) VALUES (?, ?)", arguments: [id, invoice])
        }
    }

    /// A task's invoices replaced by `invoiceIDs` (a call moved on or written again with today's figures).
    static func relinkInvoices(_ invoiceIDs: [Int64], toTask id: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM task_invoice WHERE task_id = ?", arguments: [id])
        try linkInvoices(invoiceIDs, toTask: id, in: db)
    }

    static func insertTask(_ task: NewTask, stepOn: CivilDate?, at time: Date, id: Int64? = nil, in db: Database) throws -> Int64 {
        let detail = String(decoding: try JSONEncoder.sorted.encode(task.detail), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO task (id, creditor_id, customer_id, kind, state, dedup_key, title, detail, step, message_id,
                              document_path, created_at, due_on, step_on)
            VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, task.creditor.rawValue, task.customerID, task.kind.rawValue, task.dedupKey, task.title,
                             detail, task.step, task.messageID, task.documentPath, time, task.dueOn?.iso8601, stepOn?.iso8601])
        let id = db.lastInsertedRowID
        try linkInvoices(task.invoiceIDs, toTask: id, in: db)
        try Self.append(task.openedEvent(id: id, words: try wording(of: task.creditor.rawValue, in: db), at: time), in: db)
        return id
    }

    public func tasks(of creditor: CreditorID?, state: WorkTask.State?) async throws -> [WorkTask] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.*, (SELECT json_group_array(invoice_id) FROM task_invoice WHERE task_id = t.id) AS invoices
                FROM task t WHERE (?1 IS NULL OR t.creditor_id = ?1) AND (?2 IS NULL OR t.state = ?2)
                ORDER BY t.created_at, t.id
                """, arguments: [creditor?.rawValue, state?.rawValue])
            return try rows.map(Self.task)
        }
    }

    static func task(_ row: Row) throws -> WorkTask {
        guard let creditor = CreditorID(row["creditor_id"]),
              let kind = WorkTask.Kind(rawValue: row["kind"]),
              let state = WorkTask.State(rawValue: row["state"])
        else { throw StoreError(.corrupt, "task #\(row["id"] as Int64) has an unknown creditor, kind or state") }
        let decode: (String?) -> [String: String] = { text in
            (text.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }) ?? [:]
        }
        let invoices = (row["invoices"] as String?).flatMap { try? JSONDecoder().decode([Int64].self, from: Data($0.utf8)) } ?? []
        let outcome = (row["outcome"] as String?).flatMap { TaskOutcome(code: $0, parameters: decode(row["outcome_detail"])) }
        var task = WorkTask(id: row["id"], creditor: creditor, customerID: row["customer_id"], kind: kind, state: state,
                            title: row["title"], detail: decode(row["detail"]), step: row["step"], invoiceIDs: invoices,
                            createdAt: row["created_at"], dueOn: (row["due_on"] as String?).flatMap { CivilDate(iso8601: $0) },
                            outcome: outcome, closedAt: row["closed_at"], documentPath: row["document_path"])
        task.stepOn = (row["step_on"] as String?).flatMap { CivilDate(iso8601: $0) }
        task.attempts = row["attempts"] ?? 0
        task.retryOn = (row["retry_on"] as String?).flatMap { CivilDate(iso8601: $0) }
        task.escalatedAt = row["escalated_at"]
        return task
    }
}
