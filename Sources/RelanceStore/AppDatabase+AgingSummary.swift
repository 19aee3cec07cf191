import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: AgingSummaryStore {
    public func agingRows(of creditor: CreditorID, asOf: CivilDate) async throws -> [AgingRow] {
        try await writer.read { db in
            // The Aged balance page read every open invoice with its history and aged it in
            // Swift on each request (7.7 s on 100,000). Here: the open invoices' five columns
            // from one covering index (v16-console-balance), days late counted by SQLite (civil
            // dates: julianday's difference is whole), summed per customer, currency and bucket
            // as the rows stream by; a GROUP BY on the bucket made SQLite sort all of them. A
            // due date that is no calendar day counts as none, as `CivilDate(iso8601:)` reads it.
            let paid = try Self.livePaymentsByInvoice(creditor, in: db)
            let statement = try db.makeStatement(sql: """
                SELECT id, customer_id, currency, open_minor, CASE WHEN date(due_on) = due_on THEN CAST(julianday(?) - julianday(due_on) AS INTEGER) END
                FROM invoice INDEXED BY invoice_open_aging WHERE creditor_id = ? AND status = 'open'
                """)
            let cursor = try Row.fetchCursor(statement, arguments: [asOf.iso8601, creditor.rawValue])
            let columns = StatementColumns(statement.sqliteStatement)
            struct Key: Hashable { var customer: Int64, currency: String, bucket: AgingBucket }
            var sums: [Key: (invoices: Int, demanded: Int64, received: Int64)] = [:]
            while try cursor.next() != nil {
                let currency = columns.string(2) ?? ""
                let open = columns.int64(3) ?? 0
                // `Receivable.netOfBankPayments`: the payments of the invoice's own currency,
                // capped at its open amount, never on a credit.
                let payments = paid.isEmpty ? 0 : paid[columns.int64(0) ?? 0]?[currency] ?? 0
                let received = open > 0 && payments > 0 ? min(payments, open) : 0
                let bucket = AgingBucket(daysLate: columns.int64(4).map(Int.init), open: Money(minorUnits: open, currency: .euro))
                let key = Key(customer: columns.int64(1) ?? 0, currency: currency, bucket: bucket)
                let sum = sums[key] ?? (0, 0, 0)
                sums[key] = (sum.invoices + 1, sum.demanded + open - received, sum.received + received)
            }
            var customers: [Int64: (code: String, name: String?)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, external_id, name FROM customer WHERE creditor_id = ?", arguments: [creditor.rawValue]) {
                customers[row["id"]] = (row["external_id"], row["name"])
            }
            return try sums.map { key, sum in
                guard let currency = Currency(code: key.currency), let customer = customers[key.customer] else {
                    throw StoreError(.corrupt, "an open invoice of customer #\(key.customer) has currency \(key.currency) or another creditor's customer")
                }
                return AgingRow(customerID: key.customer, externalID: customer.code, name: customer.name, currency: currency, bucket: key.bucket,
                                invoices: sum.invoices, demanded: sum.demanded, received: sum.received)
            }
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
