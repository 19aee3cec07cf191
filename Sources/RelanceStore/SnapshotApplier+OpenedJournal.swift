import GRDB
import RelanceCore

extension SnapshotApplier {
    /// The invoices a large first load opened, journaled one line per customer: the customer's
    /// timeline says which invoices arrived, for how much and when due, as the per-invoice lines
    /// would, in a line a person reads (a first export of 100,000 invoices would otherwise write
    /// 100,000 lines in one go, and spend a third of the import's time on them).
    ///
    /// Read back from the invoices this import inserted, customer by customer in the order their
    /// first invoice was inserted and each customer's in insertion order, rather than kept in
    /// memory while the file is read: a million-row report kept a million of them (issue #17).
    ///
    /// `customersBefore`, `invoicesBefore`: the largest customer and invoice ids before the load, when known.
    func journalOpened(importID: Int64, customersBefore: Int64?, invoicesBefore: Int64) throws {
        let statement = try db.makeStatement(sql: try Self.openedOrder(importID: importID, customersBefore: customersBefore,
                                                                       invoicesBefore: invoicesBefore, db))
        let rows = try Row.fetchCursor(statement, arguments: [importID])
        let columns = StatementColumns(statement.sqliteStatement)
        var customer: (id: Int64, firstInvoice: Int64)?
        var invoices: [OpenedInvoice] = []
        func flush() throws {
            guard let customer else { return }
            try event(rules.openedLine(customerID: customer.id, firstInvoiceID: customer.firstInvoice, invoices: invoices, importID: importID))
        }
        while try rows.next() != nil {
            let invoiceID = columns.int64(0) ?? 0, customerID = columns.int64(1) ?? 0
            let code = columns.string(3) ?? ""
            guard let currency = Currency(code: code) else {
                throw StoreError(.corrupt, "invoice \(invoiceID) has currency \(code)")
            }
            if customer?.id != customerID {
                try flush()
                customer = (customerID, invoiceID)
                invoices.removeAll(keepingCapacity: true)
            }
            invoices.append(OpenedInvoice(number: columns.string(2) ?? "", open: Money(minorUnits: columns.int64(4) ?? 0, currency: currency),
                                          due: columns.string(5).flatMap { CivilDate(iso8601: $0) }, source: columns.string(6)))
        }
        try flush()
    }

    /// The query of the load's invoices in the journal's order. When every one belongs to a
    /// customer the load created, the customers' ids follow the order of their first invoices
    /// (each was created with its first row, and the invoices' ids follow the rows): the order
    /// is then by customer id, without the first invoice of each customer looked up.
    /// A customer known before the load (from a contacts file) may come anywhere: then each
    /// customer's first invoice sets the order.
    ///
    /// The load's rows (ids above `invoicesBefore`) are read in the table's order and sorted,
    /// not through the `invoice_customer` index: its order jumps across the whole table, a
    /// page read per invoice once the table outgrows the page cache — from WAL frames the load
    /// spilled, each a system call — which made a million-row load's journal 18 times a
    /// 100,000-row one's; sorted, 10 times, and no slower at 100,000 (issue #17).
    static func openedOrder(importID: Int64, customersBefore: Int64?, invoicesBefore: Int64 = 0, _ db: Database) throws -> String {
        let columns = "i.id, i.customer_id, i.number, i.currency, i.open_minor, i.due_on, i.due_source"
        // The creditor's customers from before (from a contacts file), each looked up once.
        if let customersBefore, try Bool.fetchOne(db, sql: """
            SELECT NOT EXISTS (SELECT 1 FROM customer c WHERE c.creditor_id = (SELECT creditor_id FROM import WHERE id = ?1) AND c.id <= ?2
                               AND EXISTS (SELECT 1 FROM invoice i WHERE i.customer_id = c.id AND i.first_import_id = ?1))
            """, arguments: [importID, customersBefore]) == true {
            // NOT INDEXED still looks rows up by id (the range), never by an index's order.
            return """
                SELECT \(columns) FROM invoice i NOT INDEXED WHERE i.id > \(invoicesBefore) AND i.first_import_id = ?1
                ORDER BY i.customer_id, i.id
                """
        }
        return """
            SELECT \(columns)
            FROM invoice i JOIN (SELECT customer_id, min(id) AS first FROM invoice WHERE first_import_id = ?1 GROUP BY customer_id) f
                 ON f.customer_id = i.customer_id
            WHERE i.first_import_id = ?1 ORDER BY f.first, i.id
            """
    }
}
