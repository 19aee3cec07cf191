import Foundation
import GRDB
import RelanceCore

/// After a ledger or open-invoice import, inside its write transaction: the receipts left
/// unmatched are matched again against the open invoices as they are now, by the pure
/// `BankReceiptRematching` (its rules there), and what it decides written as a statement's
/// import writes its matches.
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
        let receipts = rows.compactMap { row in BankReversalApplier.entry(row).map { (id: row["id"] as Int64, entry: $0) } }
        let recorder = BankMatchRecorder(db: db, creditorID: creditorID)
        let rematching = BankReceiptRematching(receipts: receipts, facts: try recorder.facts(), importID: importID, creditor: creditorID,
                                               words: try AppDatabase.wording(of: creditorID.rawValue, in: db), at: time)
        for record in rematching.records { try recorder.write(record, at: time) }
        if let event = rematching.event { try AppDatabase.append(event, in: db) }
        return rematching.matched
    }
}
