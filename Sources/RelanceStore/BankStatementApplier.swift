import Crypto
import Foundation
import GRDB
import RelanceCore

/// Applies a bank statement inside the caller's write transaction: the statement once, each
/// entry once per account (`BankEntryIdentity`), then what the pure `BankStatementMatching`
/// decides — receipts matched against the open invoices (less what earlier payments already
/// paid) and journaled on the invoices' timelines, payers learned, reversals applied.
struct BankStatementApplier {
    let db: Database
    let file: ImportedFile
    let statement: BankStatement
    let time: Date
    /// The creditor's language, for the journal's lines (`relance customer`).
    let language: Language

    private var creditor: String { file.creditor.rawValue }
    private var words: any Wording { language.wording }

    func apply() throws -> BankImportReceipt {
        if let existing = try Int64.fetchOne(db, sql: """
            SELECT id FROM import WHERE creditor_id = ? AND sha256 = ? AND status IN ('applied', 'held')
            """, arguments: [creditor, file.sha256]) {
            try AppDatabase.append(BankStatementMatching.duplicateFileEvent(file, of: existing, words: words, at: time), in: db)
            return BankImportReceipt(importID: existing, outcome: .duplicate)
        }
        let fingerprint = BankEntryIdentity.fingerprint(statement, sha256: Self.sha256)
        if let known = try Int64.fetchOne(db, sql: "SELECT import_id FROM bank_statement WHERE creditor_id = ? AND fingerprint = ?",
                                          arguments: [creditor, fingerprint]) {
            try AppDatabase.append(BankStatementMatching.duplicateStatementEvent(file, of: known, words: words, at: time), in: db)
            return BankImportReceipt(importID: known, outcome: .duplicate)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM creditor WHERE id = ?", arguments: [creditor]) == true else {
            throw StoreError(.unknownCreditor, "creditor \(creditor) is not registered")
        }
        try db.execute(sql: """
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, item_count, imported_at)
            VALUES (?, ?, ?, ?, ?, 'applied', ?, ?, ?)
            """, arguments: [creditor, file.fileName, file.sha256, file.byteCount, file.kind,
                             BankStatementMatching.asOf(statement)?.iso8601, statement.entries.count, time])
        let importID = db.lastInsertedRowID
        try db.execute(sql: """
            INSERT INTO bank_statement (creditor_id, import_id, format, fingerprint, entry_count, imported_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [creditor, importID, statement.format.rawValue, fingerprint, statement.entries.count, time])
        let statementID = db.lastInsertedRowID
        var receipt = BankImportReceipt(importID: importID, outcome: .applied)

        var fresh: [(id: Int64, entry: BankEntry)] = []
        for entry in statement.entries {
            try db.executeCached("""
                INSERT INTO bank_entry (creditor_id, statement_id, account, booked_on, value_on, amount_minor, currency, counterparty,
                                        counterparty_iban, remittance, reference, bank_reference, reversal, dedup_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (creditor_id, account, dedup_key) DO NOTHING
                """, [creditor, statementID, entry.account, entry.booked.iso8601, entry.valueDate?.iso8601, entry.amount.minorUnits,
                      entry.amount.currency.code, entry.counterparty, entry.counterpartyIBAN, entry.remittance, entry.reference,
                      entry.bankReference, entry.isReversal, BankEntryIdentity.dedupKey(entry, sha256: Self.sha256)])
            if db.changesCount == 1 {
                receipt.newEntries += 1
                fresh.append((db.lastInsertedRowID, entry))
            } else {
                receipt.knownEntries += 1
            }
        }
        let recorder = BankMatchRecorder(db: db, creditorID: file.creditor)
        let matching = BankStatementMatching(fresh: fresh, facts: try recorder.facts(), importID: importID, creditor: file.creditor,
                                             words: words, at: time)
        for outcome in matching.receipts {
            switch outcome {
            case .matched(let record): try recorder.write(record, at: time)
            case .unmatched(_, let event): try AppDatabase.append(event, in: db)
            }
        }
        matching.tally(into: &receipt)
        for (entryID, entry) in matching.reversals {
            if try BankReversalApplier(db: db, creditor: file.creditor, time: time).apply(entry, entryID: entryID, importID: importID) {
                receipt.reversedReceipts += 1
            }
        }
        try AppDatabase.append(BankStatementMatching.appliedEvent(file, statement, receipt: receipt, words: words, at: time), in: db)
        return receipt
    }

    /// A stored key as `BankEntryIdentity` writes it (the migration `v14-bank-dedup-digest` turns
    /// the keys stored before it with this).
    static func storedKey(_ identity: String) -> String {
        BankEntryIdentity.storedKey(identity, sha256: sha256)
    }

    /// The SHA-256 of a text's UTF-8 bytes, in lowercase hex: what `BankEntryIdentity` keys with.
    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
