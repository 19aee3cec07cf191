import Foundation
import GRDB
import RelanceCore

/// Matching inside a write transaction, shared by a statement's import and a person's link of a
/// receipt to a customer (`resolveReceipt`): the matcher over the open invoices (less what live
/// payments already paid), each match recorded and journaled the same way, payers learned.
struct BankMatchRecorder {
    let db: Database
    let creditorID: CreditorID
    let time: Date
    /// The creditor's words for the journal's lines.
    let words: any Wording

    private var creditor: String { creditorID.rawValue }

    /// Open invoices less what live matches already paid; RF references as reminders print them;
    /// payers earlier matches taught.
    func makeMatcher(customerID: Int64? = nil) throws -> PaymentMatcher {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.id, i.number, i.customer_id, i.currency, i.open_minor, i.due_on, c.external_id,
                   i.open_minor - COALESCE((SELECT SUM(m.amount_minor) FROM bank_match m
                                            WHERE m.invoice_id = i.id AND m.state IN ('awaiting-ledger', 'reported')), 0) AS remaining
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            WHERE i.creditor_id = ? AND i.status = 'open' AND (? IS NULL OR i.customer_id = ?)
            """, arguments: [creditor, customerID, customerID])
        var invoices: [PaymentMatcher.Invoice] = []
        var references: [String: Int64] = [:]
        invoices.reserveCapacity(rows.count)
        for row in rows {
            guard let currency = Currency(code: row["currency"] as String) else { continue }
            let id: Int64 = row["id"]
            let number: String = row["number"]
            invoices.append(PaymentMatcher.Invoice(id: id, number: number, customerID: row["customer_id"],
                                                   open: Money(minorUnits: row["remaining"], currency: currency),
                                                   due: (row["due_on"] as String?).flatMap { CivilDate(iso8601: $0) }))
            if let reference = RFCreditorReference.make(customer: row["external_id"], invoice: number) { references[reference] = id }
        }
        var ibans: [String: Int64] = [:]
        var names: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, value, customer_id FROM bank_payer WHERE creditor_id = ?", arguments: [creditor]) {
            if (row["kind"] as String) == "iban" { ibans[row["value"]] = row["customer_id"] } else { names[row["value"]] = row["customer_id"] }
        }
        return PaymentMatcher(invoices: invoices, references: references, payerIBANs: ibans, payerNames: names)
    }

    func record(_ match: PaymentMatcher.Match, entryID: Int64, entry: BankEntry, importID: Int64?) throws {
        let label = entry.label
        var firstMatchID: Int64?
        for allocation in match.allocations {
            let ledgerOpen = try Int64.fetchOne(db, sql: "SELECT open_minor FROM invoice WHERE id = ?", arguments: [allocation.invoiceID]) ?? 0
            try db.execute(sql: """
                INSERT INTO bank_match (entry_id, invoice_id, amount_minor, method, ledger_open_minor, state, matched_at)
                VALUES (?, ?, ?, ?, ?, 'awaiting-ledger', ?)
                """, arguments: [entryID, allocation.invoiceID, allocation.amount.minorUnits, match.method.rawValue, ledgerOpen, time])
            let matchID = db.lastInsertedRowID
            firstMatchID = firstMatchID ?? matchID
            let payment = BankPayment(matchID: matchID, invoiceID: allocation.invoiceID, invoiceNumber: allocation.number,
                                      customerID: match.customerID, amount: allocation.amount, booked: entry.booked, label: label)
            try AppDatabase.append(NewEvent(time: time, kind: "bank.matched", creditor: creditorID, customerID: match.customerID,
                                            invoiceID: allocation.invoiceID, importID: importID,
                                            summary: words.bankMatched(
                                                invoice: allocation.number, payment: words.bankPayment(amount: payment.amount, booked: payment.booked, label: payment.label),
                                                ledgerOpen: allocation.amount.minorUnits < ledgerOpen ? Money(minorUnits: ledgerOpen, currency: allocation.amount.currency) : nil,
                                                method: match.method),
                                            detail: ["entry": String(entryID), "method": match.method.rawValue, "amount": allocation.amount.decimalString]), in: db)
        }
        if match.unallocated.minorUnits > 0 {
            try AppDatabase.append(NewEvent(time: time, kind: "bank.overpaid", creditor: creditorID, customerID: match.customerID, importID: importID,
                                            summary: words.bankOverpaid(amount: entry.amount, booked: entry.booked, invoices: match.allocations.map(\.number),
                                                                        extra: match.unallocated),
                                            detail: ["entry": String(entryID)]), in: db)
        }
        // A reference or an invoice number is certain: it teaches who pays for this customer.
        guard match.method != .knownPayer, let firstMatchID else { return }
        if let iban = entry.counterpartyIBAN { try learn("iban", iban, customerID: match.customerID, matchID: firstMatchID) }
        if let name = entry.counterparty.map(PaymentMatcher.payerNameKey), !name.isEmpty {
            try learn("name", name, customerID: match.customerID, matchID: firstMatchID)
        }
    }

    /// A match teaches a payer not yet known; a person's link (`matchID` nil) is their word and
    /// replaces what a match taught. Returns true when the payer now points at `customerID` anew.
    @discardableResult
    func learn(_ kind: String, _ value: String, customerID: Int64, matchID: Int64?) throws -> Bool {
        let before = try Int64.fetchOne(db, sql: "SELECT customer_id FROM bank_payer WHERE creditor_id = ? AND kind = ? AND value = ?",
                                        arguments: [creditor, kind, value])
        if matchID == nil {
            try db.execute(sql: """
                INSERT INTO bank_payer (creditor_id, kind, value, customer_id, learned_from_match) VALUES (?, ?, ?, ?, NULL)
                ON CONFLICT (creditor_id, kind, value) DO UPDATE SET customer_id = excluded.customer_id, learned_from_match = NULL
                """, arguments: [creditor, kind, value, customerID])
        } else {
            try db.execute(sql: """
                INSERT INTO bank_payer (creditor_id, kind, value, customer_id, learned_from_match) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (creditor_id, kind, value) DO NOTHING
                """, arguments: [creditor, kind, value, customerID, matchID])
        }
        return before != customerID && (matchID == nil || before == nil)
    }
}
