import Foundation
import PostgresNIO
public import RelanceCore

/// The bank's side as the plans, digest and console read it on PostgreSQL: payments of open
/// invoices the ledger has not taken into account yet, and receipts nobody has placed. The writes
/// are beside: a statement's import (`PostgresStore+BankStatements`), the ledger's review
/// (`+BankReview`), a person's word on a receipt (`+BankReceipts`).
extension PostgresStore {
    /// The payments of open invoices that the ledger has not yet taken into account.
    public func bankPayments(of creditor: CreditorID) async throws -> [BankPayment] {
        try await connection { connection in
            var payments: [BankPayment] = []
            for try await (match, invoice, number, customer, minor, code, bookedOn, payer, remittance) in try await connection.liveQuery("""
                SELECT m.id, m.invoice_id, i.number, i.customer_id, m.amount_minor, e.currency, e.booked_on::text, e.counterparty, e.remittance
                FROM bank_match m JOIN invoice i ON i.id = m.invoice_id JOIN bank_entry e ON e.id = m.entry_id
                WHERE i.creditor_id = \(creditor.rawValue) AND m.state IN ('awaiting-ledger', 'reported') AND i.status = 'open'
                      AND i.open_minor = m.ledger_open_minor
                ORDER BY i.customer_id, m.invoice_id, e.booked_on, m.id
                """, logger: logger).decode((Int64, Int64, String, Int64, Int64, String, String, String?, String).self) {
                guard let currency = Currency(code: code), let booked = CivilDate(iso8601: bookedOn) else { continue }
                var entry = BankEntry(booked: booked, amount: Money(minorUnits: minor, currency: currency), account: "")
                entry.counterparty = payer
                entry.remittance = remittance
                payments.append(BankPayment(matchID: match, invoiceID: invoice, invoiceNumber: number, customerID: customer,
                                            amount: entry.amount, booked: booked, label: entry.label))
            }
            return payments
        }
    }

    /// The receipts nobody has placed yet (no match, no reversal, no person's link), oldest first.
    public func unmatchedReceipts(of creditor: CreditorID) async throws -> [UnmatchedReceipt] {
        try await connection { connection in
            var receipts: [UnmatchedReceipt] = []
            for try await (id, bookedOn, minor, code, payer, iban, remittance, account) in try await connection.liveQuery("""
                SELECT e.id, e.booked_on::text, e.amount_minor, e.currency, e.counterparty, e.counterparty_iban, e.remittance, e.account
                FROM bank_entry e WHERE e.creditor_id = \(creditor.rawValue) AND \(unescaped: Self.unresolvedReceiptSQL)
                ORDER BY e.booked_on, e.id
                """, logger: logger).decode((Int64, String, Int64, String, String?, String?, String, String).self) {
                guard let currency = Currency(code: code), let booked = CivilDate(iso8601: bookedOn) else { continue }
                receipts.append(UnmatchedReceipt(entryID: id, booked: booked, amount: Money(minorUnits: minor, currency: currency), payer: payer,
                                                 payerIBAN: iban, remittance: remittance, account: account))
            }
            return receipts
        }
    }
}
