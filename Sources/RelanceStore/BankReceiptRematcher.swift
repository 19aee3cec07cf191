import Foundation
import GRDB
import RelanceCore

/// After a ledger or open-invoice import, inside its write transaction: the receipts left
/// unmatched (no match, no reversal, no person's word) are matched again against the open
/// invoices as they are now — a later export may bring the invoice a transfer named. The same
/// `BankMatchRecorder` as a statement's import, so the same certainty rules and journal lines;
/// oldest receipt first, each match consuming what it paid.
///
/// One rule more than at a statement's import: a match by a known payer's amount (never
/// certain by itself) is not taken when an invoice it would pay was issued after the money
/// arrived — a transfer cannot pay an invoice not yet written, and a recurring invoice of the
/// same amount would otherwise swallow an old unrelated receipt. A reference or an invoice
/// number in the label names the invoice, whatever its date.
struct BankReceiptRematcher {
    let db: Database
    let creditorID: CreditorID
    let importID: Int64
    let time: Date

    /// Retries after `receipt`'s import when it changed the books; records the count in it.
    static func afterImport(_ receipt: inout ImportReceipt, creditor: CreditorID, time: Date, in db: Database) throws {
        guard receipt.outcome == .applied else { return }
        receipt.rematchedReceipts = try BankReceiptRematcher(db: db, creditorID: creditor, importID: receipt.importID, time: time).retry()
    }

    /// Returns the number of receipts matched now.
    func retry() throws -> Int {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.* FROM bank_entry e WHERE e.creditor_id = ? AND \(AppDatabase.unresolvedReceiptSQL)
            ORDER BY e.booked_on, e.id
            """, arguments: [creditorID.rawValue])
        guard !rows.isEmpty else { return 0 }
        let recorder = BankMatchRecorder(db: db, creditorID: creditorID, time: time, words: try AppDatabase.wording(of: creditorID.rawValue, in: db))
        var matcher = try recorder.makeMatcher()
        var matched = 0
        for row in rows {
            guard let entry = BankReversalApplier.entry(row) else { continue }
            let entryID: Int64 = row["id"]
            var trial = matcher
            guard let match = trial.match(entry) else { continue }
            if match.method == .knownPayer, try issuedAfter(entry.booked, match.allocations.map(\.invoiceID)) { continue }
            matcher = trial
            try recorder.record(match, entryID: entryID, entry: entry, importID: importID)
            matched += 1
        }
        if matched > 0 {
            try AppDatabase.append(NewEvent(time: time, kind: "bank.rematched", creditor: creditorID, importID: importID,
                                            summary: try AppDatabase.wording(of: creditorID.rawValue, in: db).bankReceiptsRematched(matched),
                                            detail: ["receipts": String(matched)]), in: db)
        }
        return matched
    }

    private func issuedAfter(_ booked: CivilDate, _ invoiceIDs: [Int64]) throws -> Bool {
        guard !invoiceIDs.isEmpty else { return false }
        let marks = invoiceIDs.map { _ in "?" }.joined(separator: ",")
        var arguments = StatementArguments(invoiceIDs)
        arguments += [booked.iso8601]
        return try Bool.fetchOne(db, sql: "SELECT 1 FROM invoice WHERE id IN (\(marks)) AND issued_on > ?", arguments: arguments) == true
    }
}
