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
            case .insertInvoice: PreparedStatements.invoiceRows.sql(rows: 1)
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

    /// An import's journal lines, 100 to an INSERT (800 values, far under SQLite's limit): the
    /// figure they have been written with since they were first batched.
    static let eventsPerInsert = 100
    private static let eventRows = MultiRowStatement("""
        INSERT INTO event (at, kind, creditor_id, customer_id, invoice_id, import_id, summary, detail) VALUES
        """, columns: 8, rowsPerStatement: eventsPerInsert)

    private var pendingEvents = QueuedRows(eventRows)

    /// Queues one event row; writes a batch when full. `row` appends the 8 values in the
    /// `insertEvent` column order.
    func appendEvent(_ row: (inout StatementValues) -> Void) throws {
        try pendingEvents.append(row, in: db)
    }

    /// Writes the queued events, in order. Must run before the transaction commits.
    func flushEvents() throws {
        try pendingEvents.flush(in: db)
    }

    /// A first load's new invoices, 50 to an INSERT (800 values, as the journal's 100 lines);
    /// the figure they were first batched with (749767d).
    static let invoicesPerInsert = 50
    /// Also the single-row `Key.insertInvoice`: the one and the many write the same columns.
    private static let invoiceRows = MultiRowStatement("""
        INSERT INTO invoice (creditor_id, customer_id, number, currency, issued_on, due_on, due_source, total_minor, open_minor,
        status, seen_as_of, first_import_id, last_import_id,
        document_path, document_sha256, document_media_type, document_name)
        VALUES
        """, row: "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)", rowsPerStatement: invoicesPerInsert)
    private var pendingInvoices = QueuedRows(invoiceRows)

    /// Queues one new invoice of a large first load (`row` appends its 16 values, in
    /// `insertInvoice`'s order), written with the next ones in one INSERT: nothing reads a
    /// first load's invoices, nor needs their ids, before `flushInvoices()` (an invoice whose
    /// journal line names its id is written alone, after a flush). The ids are those one at a
    /// time gives: one above the largest, row after row in order.
    func appendInvoice(_ row: (inout StatementValues) -> Void) throws {
        try pendingInvoices.append(row, in: db)
    }

    /// Writes the queued invoices, in order.
    func flushInvoices() throws {
        try pendingInvoices.flush(in: db)
    }

    /// Identify-customer tasks in rows of `tasksPerInsert` (see `insertTasks(rows:)`): 1,200
    /// values, far under SQLite's limit; the figure they were first batched with (7a6f127).
    static let tasksPerInsert = 200
    /// `flagCustomersForPeople` cuts the tasks with it.
    static let taskRows = MultiRowStatement("""
        INSERT INTO task (creditor_id, customer_id, kind, state, dedup_key, title, detail, created_at) VALUES
        """, row: "(?, ?, 'identify-customer', 'open', ?, ?, ?, ?)", tail: "RETURNING id, customer_id", rowsPerStatement: tasksPerInsert)
    private var taskInserts = PreparedRows(taskRows)

    /// An INSERT of `rows` identify-customer tasks (6 values each: creditor, customer, dedup
    /// key, title, detail, time) returning each one's id and customer. One statement for many
    /// rows: every run of an INSERT into `task` first builds, for its CHECKs' and partial
    /// indexes' `IN (…)` lists, small temporary B-trees, and a FEC without addresses opens a
    /// task for each of its 17,625 customers (issue #17).
    func insertTasks(rows: Int) throws -> Statement {
        try taskInserts.statement(rows: rows, in: db)
    }

    func callAsFunction(_ key: Key) throws -> Statement {
        if let statement = statements[key.rawValue] { return statement }
        let statement = try db.makeStatement(sql: key.sql)
        statements[key.rawValue] = statement
        return statement
    }
}
