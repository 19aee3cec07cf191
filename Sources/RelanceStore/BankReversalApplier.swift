import Foundation
import GRDB
import RelanceCore

/// Applies one reversal inside the import's transaction: finds the receipt it undoes with the
/// pure `BankReversalFinder`, links the two, and turns that receipt's live matches to `reversed`,
/// so the invoices it paid are due again (the hold lifts, the planner demands them again). Each
/// undone match is journaled on the invoice's timeline with why; a reversal that fits no
/// receipt, or several, undoes nothing and is journaled for a person.
struct BankReversalApplier {
    let db: Database
    let creditor: CreditorID
    let time: Date

    /// True when a receipt was found and reversed.
    func apply(_ reversal: BankEntry, entryID: Int64, importID: Int64) throws -> Bool {
        let amount = abs(reversal.amount.minorUnits)
        let earliest = reversal.booked.adding(days: -366).iso8601
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.* FROM bank_entry e
            WHERE e.creditor_id = ? AND e.account = ? AND e.currency = ? AND e.amount_minor = ? AND e.reversal = 0
              AND e.booked_on <= ? AND e.booked_on >= ? AND e.id <> ?
              AND NOT EXISTS (SELECT 1 FROM bank_reversal r WHERE r.original_entry_id = e.id)
            ORDER BY e.booked_on, e.id
            """, arguments: [creditor.rawValue, reversal.account, reversal.amount.currency.code, amount,
                             reversal.booked.iso8601, earliest, entryID])
        let candidates = rows.compactMap { row in Self.entry(row).map { (id: row["id"] as Int64, entry: $0) } }
        let label = BankText.label(reversal)
        let day = Self.day(reversal.booked)
        switch BankReversalFinder.original(of: reversal, among: candidates) {
        case .found(let originalID, let method):
            let original = candidates.first { $0.id == originalID }!.entry
            try db.execute(sql: "INSERT INTO bank_reversal (entry_id, original_entry_id, method, recorded_at) VALUES (?, ?, ?, ?)",
                           arguments: [entryID, originalID, method.rawValue, time])
            try undoMatches(of: originalID, original: original, reversalID: entryID, reversalDay: day, method: method, importID: importID)
            return true
        case .ambiguous(let count):
            try event("bank.reversal-unmatched", importID: importID, """
                Reversal of \(Money(minorUnits: amount, currency: reversal.amount.currency)) on \(day) (\(label)): \(count) earlier receipts \
                fit equally, so none was undone. Check with the bank which payment came back, then tell the accountant.
                """, detail: ["entry": String(entryID), "candidates": String(count)])
        case .notFound:
            try event("bank.reversal-unmatched", importID: importID, """
                Reversal of \(Money(minorUnits: amount, currency: reversal.amount.currency)) on \(day) (\(label)): no earlier receipt of that \
                amount on this account was found, so nothing was undone (the receipt may predate Relance's statements).
                """, detail: ["entry": String(entryID)])
        }
        return false
    }

    private func undoMatches(of originalID: Int64, original: BankEntry, reversalID: Int64, reversalDay: String,
                             method: BankReversalFinder.Method, importID: Int64) throws {
        let matches = try Row.fetchAll(db, sql: """
            SELECT m.id, m.invoice_id, m.amount_minor, m.state, m.task_id, i.number, i.customer_id, i.currency
            FROM bank_match m JOIN invoice i ON i.id = m.invoice_id WHERE m.entry_id = ? ORDER BY m.id
            """, arguments: [originalID])
        let why = "reversed by the bank on \(reversalDay) (found by \(method.words))"
        if matches.isEmpty {
            try event("bank.reversed", importID: importID, """
                Received \(original.amount) on \(Self.day(original.booked)) (\(BankText.label(original))) was \(why); it had paid no invoice, \
                so nothing else changes and it is no longer listed as unmatched.
                """, detail: ["entry": String(reversalID), "original": String(originalID), "method": method.rawValue])
            return
        }
        for match in matches {
            guard let currency = Currency(code: match["currency"] as String) else { continue }
            let paid = Money(minorUnits: match["amount_minor"], currency: currency)
            let payment = BankPayment(matchID: match["id"], invoiceID: match["invoice_id"], invoiceNumber: match["number"],
                                      customerID: match["customer_id"], amount: paid, booked: original.booked, label: BankText.label(original))
            let state: String = match["state"]
            let summary: String
            if state == "lettered" {
                // The ledger took the payment into account already: only the accountant can undo that.
                summary = "Invoice \(payment.invoiceNumber): the \(payment.sentence(in: .english)) was \(why); the ledger had already lettered it, so the next export must show the invoice open again — tell the accountant."
            } else {
                try db.execute(sql: "UPDATE bank_match SET state = 'reversed', reversed_by = ? WHERE id = ?", arguments: [reversalID, payment.matchID])
                summary = "Invoice \(payment.invoiceNumber): the \(payment.sentence(in: .english)) was \(why); the invoice is due again and reminders resume."
                if let taskID = match["task_id"] as Int64? {
                    try db.execute(sql: """
                        UPDATE task SET state = 'cancelled', outcome = 'cancelled', closed_at = ?,
                                        outcome_detail = json_object('reason', 'bank-reversal', 'entry', ?)
                        WHERE id = ? AND state = 'open'
                        """, arguments: [time, String(reversalID), taskID])
                }
            }
            try AppDatabase.append(NewEvent(time: time, kind: "bank.reversed", creditor: creditor, customerID: payment.customerID,
                                            invoiceID: payment.invoiceID, importID: importID, summary: summary,
                                            detail: ["entry": String(reversalID), "original": String(originalID), "method": method.rawValue,
                                                     "amount": paid.decimalString, "match": String(payment.matchID)]), in: db)
        }
    }

    private func event(_ kind: String, importID: Int64, _ summary: String, detail: [String: String]) throws {
        try AppDatabase.append(NewEvent(time: time, kind: kind, creditor: creditor, importID: importID, summary: summary, detail: detail), in: db)
    }

    /// `05/12/2026`: the day as the journal writes a bank date (the sentence of `BankPayment` writes `05/12`).
    static func day(_ date: CivilDate) -> String { String(format: "%02d/%02d/%04d", date.day, date.month, date.year) }

    /// A stored entry back as the parser gave it.
    static func entry(_ row: Row) -> BankEntry? {
        guard let currency = Currency(code: row["currency"] as String), let booked = CivilDate(iso8601: row["booked_on"] as String) else { return nil }
        return BankEntry(booked: booked, valueDate: (row["value_on"] as String?).flatMap { CivilDate(iso8601: $0) },
                         amount: Money(minorUnits: row["amount_minor"], currency: currency), counterparty: row["counterparty"],
                         counterpartyIBAN: row["counterparty_iban"], remittance: row["remittance"], reference: row["reference"],
                         bankReference: row["bank_reference"], account: row["account"], isReversal: (row["reversal"] as Int64) != 0)
    }
}
