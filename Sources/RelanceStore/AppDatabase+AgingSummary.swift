import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: AgingSummaryStore {
    public func agingRows(of creditor: CreditorID, asOf: CivilDate) async throws -> [AgingRow] {
        try await writer.read { db in
            // The Aged balance page read every open invoice with its history and aged it in
            // Swift on each request (7.7 s on 100,000). Here: the open invoices' five columns
            // from one covering index (v16-console-balance), summed per customer, currency and
            // bucket; a GROUP BY on the bucket made SQLite sort all of them. The rows come in
            // the index's order, customer by customer and currency by currency (the ORDER BY is
            // the index's own: no sort), so they are summed as they stream by into six buckets,
            // without a dictionary keyed by strings; the days late are counted from the due
            // date's ten bytes (`CivilDate(iso8601:)`, as the whole-book balance reads it: a due
            // date that is no calendar day counts as none) rather than by SQLite's date
            // functions, which parsed each date three times.
            let paid = try Self.livePaymentsByInvoice(creditor, in: db)
            let statement = try db.makeStatement(sql: """
                SELECT id, customer_id, currency, open_minor, due_on
                FROM invoice INDEXED BY invoice_open_aging WHERE creditor_id = ? AND status = 'open'
                ORDER BY customer_id, currency
                """)
            let cursor = try Row.fetchCursor(statement, arguments: [creditor.rawValue])
            let columns = StatementColumns(statement.sqliteStatement)
            let today = asOf.daysSinceEpoch
            struct Sum { var invoices = 0, demanded: Int64 = 0, received: Int64 = 0 }
            var sums: [(customer: Int64, currency: String, bucket: AgingBucket, sum: Sum)] = []
            var current: (customer: Int64, currency: String)?
            var buckets = [Sum](repeating: Sum(), count: AgingBucket.allCases.count)
            func flush() {
                guard let current else { return }
                for (index, bucket) in AgingBucket.allCases.enumerated() where buckets[index].invoices > 0 {
                    sums.append((current.customer, current.currency, bucket, buckets[index]))
                    buckets[index] = Sum()
                }
            }
            while try cursor.next() != nil {
                let customer = columns.int64(1) ?? 0
                let currency = columns.string(2) ?? ""
                if current?.customer != customer || current?.currency != currency {
                    flush()
                    current = (customer, currency)
                }
                let open = columns.int64(3) ?? 0
                // `Receivable.netOfBankPayments`: the payments of the invoice's own currency,
                // capped at its open amount, never on a credit.
                let payments = paid.isEmpty ? 0 : paid[columns.int64(0) ?? 0]?[currency] ?? 0
                let received = open > 0 && payments > 0 ? min(payments, open) : 0
                let due = columns.string(4).flatMap { CivilDate(iso8601: $0) }
                let bucket = AgingBucket(daysLate: due.map { today - $0.daysSinceEpoch }, open: Money(minorUnits: open, currency: .euro))
                let index = Self.bucketIndex[bucket]!
                buckets[index].invoices += 1
                buckets[index].demanded += open - received
                buckets[index].received += received
            }
            flush()
            var customers: [Int64: (code: String, name: String?)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, external_id, name FROM customer WHERE creditor_id = ?", arguments: [creditor.rawValue]) {
                customers[row["id"]] = (row["external_id"], row["name"])
            }
            return try sums.map { key in
                guard let currency = Currency(code: key.currency), let customer = customers[key.customer] else {
                    throw StoreError(.corrupt, "an open invoice of customer #\(key.customer) has currency \(key.currency) or another creditor's customer")
                }
                return AgingRow(customerID: key.customer, externalID: customer.code, name: customer.name, currency: currency, bucket: key.bucket,
                                invoices: key.sum.invoices, demanded: key.sum.demanded, received: key.sum.received)
            }
        }
    }

    private static let bucketIndex = Dictionary(uniqueKeysWithValues: AgingBucket.allCases.enumerated().map { ($1, $0) })

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
