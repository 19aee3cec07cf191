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
    func journalOpened(importID: Int64) throws {
        let statement = try db.makeStatement(sql: """
            SELECT i.id, i.customer_id, i.number, i.currency, i.open_minor, i.due_on, i.due_source
            FROM invoice i JOIN (SELECT customer_id, min(id) AS first FROM invoice WHERE first_import_id = ?1 GROUP BY customer_id) f
                 ON f.customer_id = i.customer_id
            WHERE i.first_import_id = ?1 ORDER BY f.first, i.id
            """)
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
}
