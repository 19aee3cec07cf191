import GRDB

/// The statements one import runs thousands of times, prepared once per import: GRDB's
/// `cachedStatement(sql:)` would hash the whole SQL text at every call.
final class PreparedStatements {
    enum Key: Int, CaseIterable {
        case findInvoice
        case insertCustomer
        case renameCustomer
        case insertInvoice
        case updateInvoice
        case settleInvoice

        var sql: String {
            switch self {
            case .findInvoice: """
                SELECT id, customer_id, issued_on, open_minor, due_on, due_source, status, seen_as_of, settled_by_import_id
                FROM invoice WHERE creditor_id = ? AND number = ?
                """
            case .insertCustomer: """
                INSERT INTO customer (creditor_id, external_id, name, created_at, needs_identification) VALUES (?, ?, ?, ?, ?)
                """
            case .renameCustomer: "UPDATE customer SET name = ? WHERE id = ? AND name IS NOT ?"
            case .insertInvoice: """
                INSERT INTO invoice (creditor_id, customer_id, number, currency, issued_on, due_on, due_source, total_minor, open_minor,
                status, seen_as_of, first_import_id, last_import_id,
                document_path, document_sha256, document_media_type, document_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)
                """
            case .updateInvoice: """
                UPDATE invoice SET customer_id = ?, open_minor = ?, due_on = ?, due_source = ?, issued_on = COALESCE(?, issued_on),
                total_minor = COALESCE(?, total_minor), status = ?, settled_by_import_id = ?, seen_as_of = ?, last_import_id = ?,
                document_path = COALESCE(?, document_path), document_sha256 = COALESCE(?, document_sha256),
                document_media_type = COALESCE(?, document_media_type), document_name = COALESCE(?, document_name)
                WHERE id = ?
                """
            case .settleInvoice: """
                UPDATE invoice SET status = 'settled', open_minor = 0, settled_by_import_id = ?, seen_as_of = ?, last_import_id = ? WHERE id = ?
                """
            }
        }
    }

    private let db: Database
    private var statements: [Statement?] = Array(repeating: nil, count: Key.allCases.count)

    init(db: Database) { self.db = db }

    private var pendingEvents = StatementValues()
    private var batchStatement: Statement?
    static let eventsPerInsert = 100
    static let eventColumns = 8

    /// Queues one event row; writes a batch when full. `row` appends the 8 values in the
    /// `insertEvent` column order.
    func appendEvent(_ row: (inout StatementValues) -> Void) throws {
        row(&pendingEvents)
        if pendingEvents.count == Self.eventsPerInsert * Self.eventColumns { try flushEvents() }
    }

    /// Writes the queued events, in order. Must run before the transaction commits.
    func flushEvents() throws {
        guard pendingEvents.count > 0 else { return }
        let rows = pendingEvents.count / Self.eventColumns
        let statement: Statement
        if rows == Self.eventsPerInsert, let batchStatement {
            statement = batchStatement
        } else {
            statement = try db.makeStatement(sql: Self.insertEvents(rows))
            if rows == Self.eventsPerInsert { batchStatement = statement }
        }
        try pendingEvents.run(statement) { try $0.execute() }
        pendingEvents.removeAll()
    }

    private var pendingInvoices = StatementValues()
    private var invoiceBatchStatement: Statement?
    static let invoicesPerInsert = 50
    static let invoiceColumns = 16

    /// Queues one new invoice of a large first load (`row` appends its 16 values, in
    /// `insertInvoice`'s order), written with the next ones in one INSERT: nothing reads a
    /// first load's invoices, nor needs their ids, before `flushInvoices()` (an invoice whose
    /// journal line names its id is written alone, after a flush). The ids are those one at a
    /// time gives: one above the largest, row after row in order.
    func appendInvoice(_ row: (inout StatementValues) -> Void) throws {
        row(&pendingInvoices)
        if pendingInvoices.count == Self.invoicesPerInsert * Self.invoiceColumns { try flushInvoices() }
    }

    /// Writes the queued invoices, in order.
    func flushInvoices() throws {
        guard pendingInvoices.count > 0 else { return }
        let rows = pendingInvoices.count / Self.invoiceColumns
        let statement: Statement
        if rows == Self.invoicesPerInsert, let invoiceBatchStatement {
            statement = invoiceBatchStatement
        } else {
            let sql = Key.insertInvoice.sql
            let values = sql.range(of: "VALUES")!
            let row = sql[values.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            statement = try db.makeStatement(sql: String(sql[..<values.upperBound]) + " "
                                                  + Array(repeating: row, count: rows).joined(separator: ", "))
            if rows == Self.invoicesPerInsert { invoiceBatchStatement = statement }
        }
        try pendingInvoices.run(statement) { try $0.execute() }
        pendingInvoices.removeAll()
    }

    /// Identify-customer tasks in rows of `tasksPerInsert` (see `insertTasks(rows:)`).
    static let tasksPerInsert = 200
    private var taskBatchStatement: Statement?

    /// An INSERT of `rows` identify-customer tasks (6 values each: creditor, customer, dedup
    /// key, title, detail, time) returning each one's id and customer. One statement for many
    /// rows: every run of an INSERT into `task` first builds, for its CHECKs' and partial
    /// indexes' `IN (…)` lists, small temporary B-trees, and a FEC without addresses opens a
    /// task for each of its 17,625 customers (issue #17).
    func insertTasks(rows: Int) throws -> Statement {
        if rows == Self.tasksPerInsert, let taskBatchStatement { return taskBatchStatement }
        let statement = try db.makeStatement(sql: """
            INSERT INTO task (creditor_id, customer_id, kind, state, dedup_key, title, detail, created_at) VALUES
            \(Array(repeating: "(?, ?, 'identify-customer', 'open', ?, ?, ?, ?)", count: rows).joined(separator: ", "))
            RETURNING id, customer_id
            """)
        if rows == Self.tasksPerInsert { taskBatchStatement = statement }
        return statement
    }

    private static func insertEvents(_ rows: Int) -> String {
        "INSERT INTO event (at, kind, creditor_id, customer_id, invoice_id, import_id, summary, detail) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    func callAsFunction(_ key: Key) throws -> Statement {
        if let statement = statements[key.rawValue] { return statement }
        let statement = try db.makeStatement(sql: key.sql)
        statements[key.rawValue] = statement
        return statement
    }
}
