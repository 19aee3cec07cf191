import Foundation
import PostgresNIO
import RelanceCore

/// One reversal within a statement's import on PostgreSQL, as on SQLite (`BankReversalApplier`):
/// the receipts it may undo read, and what the pure `BankReversalUndo` decides written — the two
/// entries linked, the receipt's live payments `reversed`, their not-lettered tasks cancelled,
/// the journal's lines.
extension PostgresStore {
    /// True when a receipt was found and reversed.
    static func applyBankReversal(_ reversal: BankEntry, entryID: Int64, of creditor: CreditorID, importID: Int64, at time: Date,
                                  on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let earliest = reversal.booked.adding(days: -BankReversalUndo.candidateLookBack).iso8601
        let candidates = try await bankEntries(connection.liveQuery("""
            SELECT \(unescaped: bankEntryColumns) FROM bank_entry e
            WHERE e.creditor_id = \(creditor.rawValue) AND e.account = \(reversal.account) AND e.currency = \(reversal.amount.currency.code)
              AND e.amount_minor = \(abs(reversal.amount.minorUnits)) AND NOT e.reversal
              AND e.booked_on <= \(reversal.booked.iso8601)::date AND e.booked_on >= \(earliest)::date AND e.id <> \(entryID)
              AND NOT EXISTS (SELECT 1 FROM bank_reversal r WHERE r.original_entry_id = e.id)
            ORDER BY e.booked_on, e.id
            """, logger: logger))
        let finding = BankReversalFinder.original(of: reversal, among: candidates)
        var payments: [BankReversalUndo.MatchedPayment] = []
        if case .found(let originalID, _) = finding {
            let rows = try await connection.liveQuery("""
                SELECT m.id, m.invoice_id, m.amount_minor, m.state, m.task_id, i.number, i.customer_id, i.currency
                FROM bank_match m JOIN invoice i ON i.id = m.invoice_id WHERE m.entry_id = \(originalID) ORDER BY m.id
                """, logger: logger)
            for try await (match, invoice, minor, state, task, number, customer, code)
                in rows.decode((Int64, Int64, Int64, String, Int64?, String, Int64, String).self) {
                guard let currency = Currency(code: code) else { continue }
                payments.append(BankReversalUndo.MatchedPayment(matchID: match, invoiceID: invoice, invoiceNumber: number, customerID: customer,
                                                                amount: Money(minorUnits: minor, currency: currency), state: state, taskID: task))
            }
        }
        // In the creditor's language, amounts and dates in its formats.
        let undo = BankReversalUndo(reversal: reversal, entryID: entryID, finding: finding, candidates: candidates, payments: payments,
                                    importID: importID, creditor: creditor,
                                    words: try await wording(of: creditor.rawValue, on: connection, logger: logger), at: time)
        if let original = undo.original {
            try await connection.liveQuery("""
                INSERT INTO bank_reversal (entry_id, original_entry_id, method, recorded_at)
                VALUES (\(entryID), \(original.id), \(original.method.rawValue), \(time))
                """, logger: logger)
        }
        for matchID in undo.reversedMatches {
            try await connection.liveQuery("UPDATE bank_match SET state = 'reversed', reversed_by = \(entryID) WHERE id = \(matchID)", logger: logger)
        }
        for taskID in undo.cancelledTasks {
            try await connection.liveQuery("""
                UPDATE task SET state = 'cancelled', outcome = 'cancelled', closed_at = \(time),
                                outcome_detail = jsonb_build_object('reason', 'bank-reversal', 'entry', \(String(entryID))::text)
                WHERE id = \(taskID) AND state = 'open'
                """, logger: logger)
        }
        for event in undo.events { try await append(event, on: connection, logger: logger) }
        return undo.reversed
    }
}
