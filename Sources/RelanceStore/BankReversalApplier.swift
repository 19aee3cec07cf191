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
        let label = reversal.label
        let words = try AppDatabase.wording(of: creditor.rawValue, in: db)
        switch BankReversalFinder.original(of: reversal, among: candidates) {
        case .found(let originalID, let method):
            let original = candidates.first { $0.id == originalID }!.entry
            try db.execute(sql: "INSERT INTO bank_reversal (entry_id, original_entry_id, method, recorded_at) VALUES (?, ?, ?, ?)",
                           arguments: [entryID, originalID, method.rawValue, time])
            try undoMatches(of: originalID, original: original, reversalID: entryID, reversedOn: reversal.booked, method: method, importID: importID)
            return true
        case .ambiguous(let count):
            try event("bank.reversal-unmatched", importID: importID,
                      words.reversalUnmatched(amount: Money(minorUnits: amount, currency: reversal.amount.currency), on: reversal.booked,
                                              label: label, candidates: count),
                      detail: ["entry": String(entryID), "candidates": String(count)])
        case .notFound:
            try event("bank.reversal-unmatched", importID: importID,
                      words.reversalUnmatched(amount: Money(minorUnits: amount, currency: reversal.amount.currency), on: reversal.booked,
                                              label: label, candidates: nil),
                      detail: ["entry": String(entryID)])
        }
        return false
    }

    private func undoMatches(of originalID: Int64, original: BankEntry, reversalID: Int64, reversedOn: CivilDate,
                             method: BankReversalFinder.Method, importID: Int64) throws {
        let matches = try Row.fetchAll(db, sql: """
            SELECT m.id, m.invoice_id, m.amount_minor, m.state, m.task_id, i.number, i.customer_id, i.currency
            FROM bank_match m JOIN invoice i ON i.id = m.invoice_id WHERE m.entry_id = ? ORDER BY m.id
            """, arguments: [originalID])
        // In the creditor's language, amounts and dates in its formats.
        let words = try AppDatabase.wording(of: creditor.rawValue, in: db)
        if matches.isEmpty {
            try event("bank.reversed", importID: importID,
                      words.reversedReceiptPaidNothing(amount: original.amount, booked: original.booked, label: original.label,
                                                       reversedOn: reversedOn, method: method),
                      detail: ["entry": String(reversalID), "original": String(originalID), "method": method.rawValue])
            return
        }
        for match in matches {
            guard let currency = Currency(code: match["currency"] as String) else { continue }
            let paid = Money(minorUnits: match["amount_minor"], currency: currency)
            let payment = BankPayment(matchID: match["id"], invoiceID: match["invoice_id"], invoiceNumber: match["number"],
                                      customerID: match["customer_id"], amount: paid, booked: original.booked, label: original.label)
            let state: String = match["state"]
            let summary: String
            if state == "lettered" {
                // The ledger took the payment into account already: only the accountant can undo that.
                summary = words.reversedPayment(invoice: payment.invoiceNumber, payment: payment.sentence(in: words.language),
                                                reversedOn: reversedOn, method: method, lettered: true)
            } else {
                try db.execute(sql: "UPDATE bank_match SET state = 'reversed', reversed_by = ? WHERE id = ?", arguments: [reversalID, payment.matchID])
                summary = words.reversedPayment(invoice: payment.invoiceNumber, payment: payment.sentence(in: words.language),
                                                reversedOn: reversedOn, method: method, lettered: false)
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

    /// A stored entry back as the parser gave it.
    static func entry(_ row: Row) -> BankEntry? {
        guard let currency = Currency(code: row["currency"] as String), let booked = CivilDate(iso8601: row["booked_on"] as String) else { return nil }
        return BankEntry(booked: booked, valueDate: (row["value_on"] as String?).flatMap { CivilDate(iso8601: $0) },
                         amount: Money(minorUnits: row["amount_minor"], currency: currency), counterparty: row["counterparty"],
                         counterpartyIBAN: row["counterparty_iban"], remittance: row["remittance"], reference: row["reference"],
                         bankReference: row["bank_reference"], account: row["account"], isReversal: (row["reversal"] as Int64) != 0)
    }
}
