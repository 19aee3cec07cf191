import Foundation
import PostgresNIO
import RelanceCore

/// The retry of the unmatched receipts after a ledger's or open-invoices' import on PostgreSQL,
/// as SQLite's `BankReceiptRematcher` (the rules in `BankReceiptRematching`): for the snapshot's
/// import to call within its own transaction, once the invoices are written.
extension PostgresStore {
    /// Matches the receipts nobody has placed yet against the open invoices as they are now,
    /// journaled under `importID`; returns how many were matched (`ImportReceipt.rematchedReceipts`).
    /// Takes the creditor's bank lock (`lockBankWork`): a statement imported at the same moment
    /// waits, so no euro is matched twice.
    static func rematchUnmatchedReceipts(of creditor: CreditorID, importID: Int64, at time: Date, on connection: PostgresConnection,
                                         logger: Logger) async throws -> Int {
        try await lockBankWork(of: creditor, on: connection, logger: logger)
        let receipts = try await bankEntries(connection.liveQuery("""
            SELECT \(unescaped: bankEntryColumns) FROM bank_entry e WHERE e.creditor_id = \(creditor.rawValue) AND \(unescaped: unresolvedReceiptSQL)
            ORDER BY e.booked_on, e.id
            """, logger: logger))
        guard !receipts.isEmpty else { return 0 }
        let rematching = BankReceiptRematching(
            receipts: receipts, facts: try await bankMatchingFacts(of: creditor, on: connection, logger: logger), importID: importID,
            creditor: creditor, words: try await wording(of: creditor.rawValue, on: connection, logger: logger), at: time)
        for record in rematching.records { try await writeBankMatch(record, of: creditor, at: time, on: connection, logger: logger) }
        if let event = rematching.event { try await append(event, on: connection, logger: logger) }
        return rematching.matched
    }

    /// After an import that changed the books (not a held or duplicate one): the retry, counted
    /// in its receipt — SQLite's `BankReceiptRematcher.afterImport`.
    static func rematchAfterImport(_ receipt: inout ImportReceipt, creditor: CreditorID, at time: Date, on connection: PostgresConnection,
                                   logger: Logger) async throws {
        guard receipt.outcome == .applied else { return }
        receipt.rematchedReceipts = try await rematchUnmatchedReceipts(of: creditor, importID: receipt.importID, at: time,
                                                                       on: connection, logger: logger)
    }
}
