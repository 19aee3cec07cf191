import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: AgingSummaryStore {
    public func agingRows(of creditor: CreditorID, asOf: CivilDate) async throws -> [AgingRow] {
        // Kept between requests while the store is unchanged (`AgingRowsCache` says why that
        // cannot go stale): paging and filtering the page read them once.
        try await agingRowsCache.rows(AgingRowsCache.Key(creditor: creditor, asOf: asOf)) { db in
            try Self.readAgingRows(of: creditor, asOf: asOf, in: db)
        }
    }

    /// The rows as the store holds them now, read in `db`'s transaction.
    static func readAgingRows(of creditor: CreditorID, asOf: CivilDate, in db: Database) throws -> [AgingRow] {
        // The Aged balance page read every open invoice with its history and aged it in
        // Swift on each request (7.7 s on 100,000). Here: the open invoices' five columns
        // from one covering index (v16-console-balance), in the index's order, customer by
        // customer and currency by currency (the ORDER BY is the index's own: no sort), summed
        // as they stream by (`AgingRowAccumulator`); the due date parsed from its ten bytes
        // where SQLite holds them (no `String` per row, no SQLite date function).
        var sums = AgingRowAccumulator(asOf: asOf, payments: try Self.livePaymentsByInvoice(creditor, in: db))
        let statement = try db.makeStatement(sql: """
            SELECT id, customer_id, currency, open_minor, due_on
            FROM invoice INDEXED BY invoice_open_aging WHERE creditor_id = ? AND status = 'open'
            ORDER BY customer_id, currency
            """)
        let cursor = try Row.fetchCursor(statement, arguments: [creditor.rawValue])
        let columns = StatementColumns(statement.sqliteStatement)
        // The currency changes once per customer at most: its `String` made only then.
        var currency = ""
        while try cursor.next() != nil {
            if !columns.text(2, equals: currency) { currency = columns.string(2) ?? "" }
            sums.add(invoiceID: columns.int64(0) ?? 0, customerID: columns.int64(1) ?? 0, currency: currency,
                     open: columns.int64(3) ?? 0, due: columns.date(4))
        }
        var customers: [Int64: AgingRowAccumulator.Customer] = [:]
        let names = try db.makeStatement(sql: "SELECT id, external_id, name FROM customer WHERE creditor_id = ?")
        let nameCursor = try Row.fetchCursor(names, arguments: [creditor.rawValue])
        let nameColumns = StatementColumns(names.sqliteStatement)
        while try nameCursor.next() != nil {
            customers[nameColumns.int64(0) ?? 0] = (nameColumns.string(1) ?? "", nameColumns.string(2))
        }
        do throws(AgingRowAccumulator.UnknownCustomerOrCurrency) {
            return try sums.rows(customers: customers)
        } catch {
            throw StoreError(.corrupt, "an open invoice of customer #\(error.customerID) has currency \(error.currency) or another creditor's customer")
        }
    }

    /// `bankPayments(of:)` summed per invoice and currency: the live matches of the open invoices
    /// whose ledger amount has not moved since. Few rows: read from the live matches' index.
    private static func livePaymentsByInvoice(_ creditor: CreditorID, in db: Database) throws -> [Int64: [String: Int64]] {
        var paid: [Int64: [String: Int64]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT m.invoice_id, e.currency, SUM(m.amount_minor) AS minor
            FROM bank_match m INDEXED BY bank_match_live CROSS JOIN invoice i ON i.id = m.invoice_id JOIN bank_entry e ON e.id = m.entry_id
            WHERE i.creditor_id = ? AND m.state IN ('awaiting-ledger', 'reported') AND i.status = 'open' AND i.open_minor = m.ledger_open_minor
            GROUP BY m.invoice_id, e.currency
            """, arguments: [creditor.rawValue]) {
            paid[row["invoice_id"], default: [:]][row["currency"]] = row["minor"]
        }
        return paid
    }
}
