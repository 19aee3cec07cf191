import Crypto
import Foundation
import GRDB
import RelanceCore

/// Applies a bank statement inside the caller's write transaction: the statement once, each
/// entry once per account, receipts matched by the pure `PaymentMatcher` against the open
/// invoices (less what earlier payments already paid), each match journaled on the invoice's
/// timeline, and the payers a certain match names linked to the customer.
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
            try event("import.duplicate", importID: existing, words.importDuplicate(file: file.fileName, of: existing, held: false))
            return BankImportReceipt(importID: existing, outcome: .duplicate)
        }
        let fingerprint = Self.fingerprint(statement)
        if let known = try Int64.fetchOne(db, sql: "SELECT import_id FROM bank_statement WHERE creditor_id = ? AND fingerprint = ?",
                                          arguments: [creditor, fingerprint]) {
            try event("import.duplicate", importID: known,
                      words.bankStatementAlreadyImported(file: file.fileName, as: known))
            return BankImportReceipt(importID: known, outcome: .duplicate)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM creditor WHERE id = ?", arguments: [creditor]) == true else {
            throw StoreError(.unknownCreditor, "creditor \(creditor) is not registered")
        }
        try db.execute(sql: """
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, item_count, imported_at)
            VALUES (?, ?, ?, ?, ?, 'applied', ?, ?, ?)
            """, arguments: [creditor, file.fileName, file.sha256, file.byteCount, file.kind,
                             statement.entries.map(\.booked).max()?.iso8601, statement.entries.count, time])
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
                      entry.bankReference, entry.isReversal, Self.dedupKey(entry)])
            if db.changesCount == 1 {
                receipt.newEntries += 1
                fresh.append((db.lastInsertedRowID, entry))
            } else {
                receipt.knownEntries += 1
            }
        }
        let recorder = BankMatchRecorder(db: db, creditorID: file.creditor, time: time, words: words)
        var matcher = try recorder.makeMatcher()
        for (entryID, entry) in fresh where entry.amount.minorUnits > 0 && !entry.isReversal {
            guard let match = matcher.match(entry) else {
                receipt.unmatchedReceipts += 1
                try event("bank.unmatched", importID: importID,
                          words.bankUnmatched(amount: entry.amount, booked: entry.booked, payer: entry.counterparty, remittance: entry.remittance),
                          detail: ["entry": String(entryID)])
                continue
            }
            receipt.matchedReceipts += 1
            try recorder.record(match, entryID: entryID, entry: entry, importID: importID)
            receipt.paidInvoices += match.allocations.count
        }
        // After the receipts, so that a reversal finds a receipt of the same statement matched.
        for (entryID, entry) in fresh where entry.isReversal {
            if try BankReversalApplier(db: db, creditor: file.creditor, time: time).apply(entry, entryID: entryID, importID: importID) {
                receipt.reversedReceipts += 1
            }
        }
        try event("import.applied", importID: importID,
                  words.bankStatementImported(file: file.fileName, format: statement.format.rawValue, newEntries: receipt.newEntries,
                                              knownEntries: receipt.knownEntries, matched: receipt.matchedReceipts,
                                              invoices: receipt.paidInvoices, unmatched: receipt.unmatchedReceipts,
                                              reversed: receipt.reversedReceipts),
                  detail: ["sha256": file.sha256])
        return receipt
    }

    private func event(_ kind: String, importID: Int64, _ summary: String, detail: [String: String] = [:]) throws {
        try AppDatabase.append(NewEvent(time: time, kind: kind, creditor: file.creditor, importID: importID, summary: summary, detail: detail), in: db)
    }

    /// What makes an entry the same in two overlapping statements: the bank's reference when it
    /// gives one, else date + amount + label.
    static func identity(_ entry: BankEntry) -> String {
        if let reference = entry.bankReference { return "ref:" + reference }
        let label = entry.remittance.uppercased().split(separator: " ").joined(separator: " ")
        return "day:\(entry.booked.iso8601)|\(entry.amount.minorUnits)\(entry.amount.currency.code)|\(label)"
    }

    /// The stored key: the identity with the label as its SHA-256, so that the retention, which
    /// empties a settled entry's label, payer and IBAN, leaves no copy of the label behind.
    static func dedupKey(_ entry: BankEntry) -> String {
        storedKey(identity(entry))
    }

    /// `day:DATE|AMOUNT|LABEL` → `day:DATE|AMOUNT|sha256:HEX`; a bank reference stays as it is.
    /// Also turns the keys stored before it (migration `v14-bank-dedup-digest`).
    static func storedKey(_ identity: String) -> String {
        guard identity.hasPrefix("day:") else { return identity }
        let parts = identity.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[2].hasPrefix("sha256:") else { return identity }
        return parts[0] + "|" + parts[1] + "|sha256:" + hex(SHA256.hash(data: Data(parts[2].utf8)))
    }

    /// The statement's fingerprint, over the identities (a digest already: the labels are not kept).
    static func fingerprint(_ statement: BankStatement) -> String {
        var hasher = SHA256()
        for entry in statement.entries {
            hasher.update(data: Data((entry.account + "\u{1F}" + identity(entry) + "\u{1E}").utf8))
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
