public import Foundation
import PostgresNIO
public import RelanceCore

/// A bank statement's import on PostgreSQL, as on SQLite (`BankStatementApplier`): the statement
/// once, each entry once per account (`BankEntryIdentity`), then what the pure
/// `BankStatementMatching` decides written, and the reversals applied — in one transaction,
/// under the creditor's bank lock, so that two daemons importing the same statement at once
/// import it once (the second finds the first's import: a duplicate; the unique index on the
/// file's SHA-256 would refuse it anyway).
extension PostgresStore: BankPaymentStore {
    public func importBankStatement(_ file: ImportedFile, _ statement: BankStatement, language: Language,
                                    at time: Date) async throws -> BankImportReceipt {
        let words = language.wording
        return try await transaction { connection in
            try await Self.lockBankWork(of: file.creditor, on: connection, logger: logger)
            let existing = try await connection.liveQuery("""
                SELECT id FROM import WHERE creditor_id = \(file.creditor.rawValue) AND sha256 = \(file.sha256) AND status IN ('applied', 'held')
                """, logger: logger)
            for try await id in existing.decode(Int64.self) {
                try await Self.append(BankStatementMatching.duplicateFileEvent(file, of: id, words: words, at: time), on: connection, logger: logger)
                return BankImportReceipt(importID: id, outcome: .duplicate)
            }
            let fingerprint = BankEntryIdentity.fingerprint(statement, sha256: Self.sha256Hex)
            let known = try await connection.liveQuery("""
                SELECT import_id FROM bank_statement WHERE creditor_id = \(file.creditor.rawValue) AND fingerprint = \(fingerprint)
                """, logger: logger)
            for try await id in known.decode(Int64.self) {
                try await Self.append(BankStatementMatching.duplicateStatementEvent(file, of: id, words: words, at: time), on: connection,
                                      logger: logger)
                return BankImportReceipt(importID: id, outcome: .duplicate)
            }
            let (importID, statementID) = try await Self.insertBankStatement(file, statement, fingerprint: fingerprint, at: time, on: connection,
                                                                             logger: logger)
            var receipt = BankImportReceipt(importID: importID, outcome: .applied)
            var fresh: [(id: Int64, entry: BankEntry)] = []
            for entry in statement.entries {
                if let id = try await Self.insertBankEntry(entry, of: file.creditor, statementID: statementID, on: connection, logger: logger) {
                    receipt.newEntries += 1
                    fresh.append((id, entry))
                } else {
                    receipt.knownEntries += 1
                }
            }
            let matching = BankStatementMatching(
                fresh: fresh, facts: try await Self.bankMatchingFacts(of: file.creditor, on: connection, logger: logger), importID: importID,
                creditor: file.creditor, words: words, at: time)
            for outcome in matching.receipts {
                switch outcome {
                case .matched(let record): try await Self.writeBankMatch(record, of: file.creditor, at: time, on: connection, logger: logger)
                case .unmatched(_, let event): try await Self.append(event, on: connection, logger: logger)
                }
            }
            matching.tally(into: &receipt)
            for (entryID, entry) in matching.reversals {
                if try await Self.applyBankReversal(entry, entryID: entryID, of: file.creditor, importID: importID, at: time, on: connection,
                                                    logger: logger) {
                    receipt.reversedReceipts += 1
                }
            }
            try await Self.append(BankStatementMatching.appliedEvent(file, statement, receipt: receipt, words: words, at: time), on: connection,
                                  logger: logger)
            return receipt
        }
    }

    /// The import's and the statement's rows; their ids. A creditor never registered is refused.
    private static func insertBankStatement(_ file: ImportedFile, _ statement: BankStatement, fingerprint: String, at time: Date,
                                            on connection: PostgresConnection, logger: Logger) async throws -> (importID: Int64, statementID: Int64) {
        var registered = false
        for try await exists in try await connection.liveQuery("SELECT EXISTS (SELECT 1 FROM creditor WHERE id = \(file.creditor.rawValue))",
                                                           logger: logger).decode(Bool.self) { registered = exists }
        guard registered else {
            throw PostgresStoreError(.unknownCreditor, "creditor \(file.creditor) is not registered", context: ["creditor": file.creditor.rawValue])
        }
        var importID: Int64?
        let imported = try await connection.liveQuery("""
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, item_count, imported_at)
            VALUES (\(file.creditor.rawValue), \(file.fileName), \(file.sha256), \(Int64(file.byteCount)), \(file.kind), 'applied',
                    \(BankStatementMatching.asOf(statement)?.iso8601)::date, \(Int64(statement.entries.count)), \(time))
            RETURNING id
            """, logger: logger)
        for try await id in imported.decode(Int64.self) { importID = id }
        guard let importID else { throw PostgresStoreError(.corrupt, "an import was not stored", context: ["file": file.fileName]) }
        var statementID: Int64?
        let stored = try await connection.liveQuery("""
            INSERT INTO bank_statement (creditor_id, import_id, format, fingerprint, entry_count, imported_at)
            VALUES (\(file.creditor.rawValue), \(importID), \(statement.format.rawValue), \(fingerprint), \(Int64(statement.entries.count)), \(time))
            RETURNING id
            """, logger: logger)
        for try await id in stored.decode(Int64.self) { statementID = id }
        guard let statementID else { throw PostgresStoreError(.corrupt, "a bank statement was not stored", context: ["file": file.fileName]) }
        return (importID, statementID)
    }

    /// The entry's id when it is new; nil when an earlier, overlapping statement brought it.
    /// Looked for before inserting: an `ON CONFLICT DO NOTHING` alone would take an id from the
    /// sequence for every known entry, and the entries' ids — which `relance bank link` names —
    /// would drift from those SQLite gives (a copied book would number them differently).
    private static func insertBankEntry(_ entry: BankEntry, of creditor: CreditorID, statementID: Int64, on connection: PostgresConnection,
                                        logger: Logger) async throws -> Int64? {
        let key = BankEntryIdentity.dedupKey(entry, sha256: sha256Hex)
        let rows = try await connection.liveQuery("""
            INSERT INTO bank_entry (creditor_id, statement_id, account, booked_on, value_on, amount_minor, currency, counterparty,
                                    counterparty_iban, remittance, reference, bank_reference, reversal, dedup_key)
            SELECT \(creditor.rawValue), \(statementID), \(entry.account), \(entry.booked.iso8601)::date, \(entry.valueDate?.iso8601)::date,
                   \(entry.amount.minorUnits), \(entry.amount.currency.code), \(entry.counterparty), \(entry.counterpartyIBAN), \(entry.remittance),
                   \(entry.reference), \(entry.bankReference), \(entry.isReversal), \(key)
            WHERE NOT EXISTS (SELECT 1 FROM bank_entry WHERE creditor_id = \(creditor.rawValue) AND account = \(entry.account)
                              AND dedup_key = \(key))
            ON CONFLICT (creditor_id, account, dedup_key) DO NOTHING
            RETURNING id
            """, logger: logger)
        for try await id in rows.decode(Int64.self) { return id }
        return nil
    }
}
