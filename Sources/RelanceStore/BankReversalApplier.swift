import Foundation
import GRDB
import RelanceCore

/// Applies one reversal inside the import's transaction: reads the receipts it may undo, and
/// writes what the pure `BankReversalUndo` decides — the two entries linked, the receipt's live
/// payments `reversed` (the invoices due again), their not-lettered tasks cancelled, and the
/// journal's lines.
struct BankReversalApplier {
    let db: Database
    let creditor: CreditorID
    let time: Date

    /// True when a receipt was found and reversed.
    func apply(_ reversal: BankEntry, entryID: Int64, importID: Int64) throws -> Bool {
        let earliest = reversal.booked.adding(days: -BankReversalUndo.candidateLookBack).iso8601
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.* FROM bank_entry e
            WHERE e.creditor_id = ? AND e.account = ? AND e.currency = ? AND e.amount_minor = ? AND e.reversal = 0
              AND e.booked_on <= ? AND e.booked_on >= ? AND e.id <> ?
              AND NOT EXISTS (SELECT 1 FROM bank_reversal r WHERE r.original_entry_id = e.id)
            ORDER BY e.booked_on, e.id
            """, arguments: [creditor.rawValue, reversal.account, reversal.amount.currency.code, abs(reversal.amount.minorUnits),
                             reversal.booked.iso8601, earliest, entryID])
        let candidates = rows.compactMap { row in Self.entry(row).map { (id: row["id"] as Int64, entry: $0) } }
        let finding = BankReversalFinder.original(of: reversal, among: candidates)
        var payments: [BankReversalUndo.MatchedPayment] = []
        if case .found(let originalID, _) = finding {
            payments = try Row.fetchAll(db, sql: """
                SELECT m.id, m.invoice_id, m.amount_minor, m.state, m.task_id, i.number, i.customer_id, i.currency
                FROM bank_match m JOIN invoice i ON i.id = m.invoice_id WHERE m.entry_id = ? ORDER BY m.id
                """, arguments: [originalID]).compactMap { match in
                guard let currency = Currency(code: match["currency"] as String) else { return nil }
                return BankReversalUndo.MatchedPayment(matchID: match["id"], invoiceID: match["invoice_id"], invoiceNumber: match["number"],
                                                       customerID: match["customer_id"], amount: Money(minorUnits: match["amount_minor"], currency: currency),
                                                       state: match["state"], taskID: match["task_id"])
            }
        }
        // In the creditor's language, amounts and dates in its formats.
        let undo = BankReversalUndo(reversal: reversal, entryID: entryID, finding: finding, candidates: candidates, payments: payments,
                                    importID: importID, creditor: creditor, words: try AppDatabase.wording(of: creditor.rawValue, in: db), at: time)
        if let original = undo.original {
            try db.execute(sql: "INSERT INTO bank_reversal (entry_id, original_entry_id, method, recorded_at) VALUES (?, ?, ?, ?)",
                           arguments: [entryID, original.id, original.method.rawValue, time])
        }
        for matchID in undo.reversedMatches {
            try db.execute(sql: "UPDATE bank_match SET state = 'reversed', reversed_by = ? WHERE id = ?", arguments: [entryID, matchID])
        }
        for taskID in undo.cancelledTasks {
            try db.execute(sql: """
                UPDATE task SET state = 'cancelled', outcome = 'cancelled', closed_at = ?,
                                outcome_detail = json_object('reason', 'bank-reversal', 'entry', ?)
                WHERE id = ? AND state = 'open'
                """, arguments: [time, String(entryID), taskID])
        }
        for event in undo.events { try AppDatabase.append(event, in: db) }
        return undo.reversed
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
