import Foundation
import GRDB
import RelanceCore

/// Matching's reads and writes inside a write transaction, shared by a statement's import, a
/// person's link of a receipt to a customer (`resolveReceipt`) and the retry after a ledger's
/// import: the facts the pure matching needs (`BankMatchingFacts`), and what it decided
/// (`BankMatchRecord`) written — payments, journal lines, payers learned.
struct BankMatchRecorder {
    let db: Database
    let creditorID: CreditorID

    private var creditor: String { creditorID.rawValue }

    /// Open invoices (of one customer when given) less what live matches already paid, and the
    /// payers earlier matches or people taught.
    func facts(customerID: Int64? = nil) throws -> BankMatchingFacts {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.id, i.number, i.customer_id, i.currency, i.open_minor, i.due_on, i.issued_on, c.external_id,
                   i.open_minor - COALESCE((SELECT SUM(m.amount_minor) FROM bank_match m
                                            WHERE m.invoice_id = i.id AND m.state IN ('awaiting-ledger', 'reported')), 0) AS remaining
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            WHERE i.creditor_id = ? AND i.status = 'open' AND (? IS NULL OR i.customer_id = ?)
            """, arguments: [creditor, customerID, customerID])
        let invoices: [BankMatchingFacts.OpenInvoice] = rows.compactMap { row in
            guard let currency = Currency(code: row["currency"] as String) else { return nil }
            return BankMatchingFacts.OpenInvoice(
                id: row["id"], number: row["number"], customerID: row["customer_id"], customerExternalID: row["external_id"],
                ledgerOpen: Money(minorUnits: row["open_minor"], currency: currency), remaining: Money(minorUnits: row["remaining"], currency: currency),
                due: (row["due_on"] as String?).flatMap { CivilDate(iso8601: $0) }, issued: (row["issued_on"] as String?).flatMap { CivilDate(iso8601: $0) })
        }
        let payers = try Row.fetchAll(db, sql: "SELECT kind, value, customer_id FROM bank_payer WHERE creditor_id = ?", arguments: [creditor])
            .compactMap { row in
                BankPayerLink.Kind(rawValue: row["kind"]).map { BankPayerLink(kind: $0, value: row["value"], customerID: row["customer_id"]) }
            }
        return BankMatchingFacts(invoices: invoices, payers: payers)
    }

    /// Writes a match: its payments, its journal lines, and the payers it taught (only those not
    /// yet known, each learned from the first payment).
    func write(_ record: BankMatchRecord, at time: Date) throws {
        var firstMatchID: Int64?
        for payment in record.payments {
            try db.execute(sql: """
                INSERT INTO bank_match (entry_id, invoice_id, amount_minor, method, ledger_open_minor, state, matched_at)
                VALUES (?, ?, ?, ?, ?, 'awaiting-ledger', ?)
                """, arguments: [record.entryID, payment.invoiceID, payment.amount.minorUnits, payment.method.rawValue, payment.ledgerOpen, time])
            firstMatchID = firstMatchID ?? db.lastInsertedRowID
        }
        for event in record.events { try AppDatabase.append(event, in: db) }
        guard let firstMatchID else { return }
        for payer in record.payersTaught {
            try db.execute(sql: """
                INSERT INTO bank_payer (creditor_id, kind, value, customer_id, learned_from_match) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (creditor_id, kind, value) DO NOTHING
                """, arguments: [creditor, payer.kind.rawValue, payer.value, payer.customerID, firstMatchID])
        }
    }

    /// A person's word: the payer now points at the customer, whatever a match taught. True when
    /// that is new (`BankPayerLink.isNew`).
    func teach(_ payer: BankPayerLink) throws -> Bool {
        let before = try Int64.fetchOne(db, sql: "SELECT customer_id FROM bank_payer WHERE creditor_id = ? AND kind = ? AND value = ?",
                                        arguments: [creditor, payer.kind.rawValue, payer.value])
        try db.execute(sql: """
            INSERT INTO bank_payer (creditor_id, kind, value, customer_id, learned_from_match) VALUES (?, ?, ?, ?, NULL)
            ON CONFLICT (creditor_id, kind, value) DO UPDATE SET customer_id = excluded.customer_id, learned_from_match = NULL
            """, arguments: [creditor, payer.kind.rawValue, payer.value, payer.customerID])
        return payer.isNew(before: before, byPerson: true)
    }
}
