import Foundation
import PostgresNIO
public import RelanceCore

/// The Aged balance page's sums: the open invoices read in customer and currency order (from
/// `invoice_open_aging`) and summed by the same `AgingRowAccumulator` as SQLite's, with the bank's
/// live payments set apart; one snapshot for all three reads.
extension PostgresStore: AgingSummaryStore {
    public func agingRows(of creditor: CreditorID, asOf: CivilDate) async throws -> [AgingRow] {
        let id = creditor.rawValue
        return try await readSnapshot { connection in
            var payments: [Int64: [String: Int64]] = [:]
            for try await (invoice, currency, minor) in try await connection.liveQuery("""
                SELECT m.invoice_id, e.currency, sum(m.amount_minor)::bigint
                FROM bank_match m JOIN invoice i ON i.id = m.invoice_id JOIN bank_entry e ON e.id = m.entry_id
                WHERE i.creditor_id = \(id) AND m.state IN ('awaiting-ledger', 'reported') AND i.status = 'open'
                      AND i.open_minor = m.ledger_open_minor
                GROUP BY m.invoice_id, e.currency
                """, logger: logger).decode((Int64, String, Int64).self) {
                payments[invoice, default: [:]][currency] = minor
            }
            var sums = AgingRowAccumulator(asOf: asOf, payments: payments)
            for try await (invoice, customer, currency, open, due) in try await connection.liveQuery("""
                SELECT id, customer_id, currency, open_minor, due_on::text FROM invoice
                WHERE creditor_id = \(id) AND status = 'open' ORDER BY customer_id, currency
                """, logger: logger).decode((Int64, Int64, String, Int64, String?).self) {
                sums.add(invoiceID: invoice, customerID: customer, currency: currency, open: open, dueOn: due)
            }
            var customers: [Int64: AgingRowAccumulator.Customer] = [:]
            for try await (customer, code, name) in try await connection.liveQuery(
                "SELECT id, external_id, name FROM customer WHERE creditor_id = \(id)", logger: logger).decode((Int64, String, String?).self) {
                customers[customer] = (code, name)
            }
            do throws(AgingRowAccumulator.UnknownCustomerOrCurrency) {
                return try sums.rows(customers: customers)
            } catch {
                throw PostgresStoreError(.corrupt, "an open invoice of customer #\(error.customerID) has currency \(error.currency) or another creditor's customer",
                                         context: ["creditor": id])
            }
        }
    }
}
