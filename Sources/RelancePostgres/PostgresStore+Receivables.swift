public import Foundation
import PostgresNIO
public import RelanceCore

/// The receivables on PostgreSQL: a file's open items applied (`PostgresSnapshotApplier`, by the
/// rules SQLite's import follows), the open receivables as every plan, balance and digest reads
/// them, and a refused file's record.
///
/// The fed import (`importSnapshot(_:_:feed:at:)`) is the protocol's default here: the batches
/// are gathered, then applied as one snapshot (it throws `WholeFileNeeded`, having changed
/// nothing, when the feed stopped on lines to fold; the caller then imports the whole file).
/// The PostgreSQL applier reads the creditor's book once and writes in batches anyway, so
/// writing batch by batch as SQLite does would gain little but memory.
extension PostgresStore: ReceivablesStore {
    public func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, at time: Date) async throws -> ImportReceipt {
        try await importSnapshot(file, snapshot, at: time, summaryMinimum: SnapshotImportTally.summaryMinimumDefault)
    }

    /// `summaryMinimum`: from how many new invoices a first load journals one line per customer.
    func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, at time: Date, summaryMinimum: Int) async throws -> ImportReceipt {
        try await transaction { connection in
            let words = try await Self.wording(of: file.creditor.rawValue, on: connection, logger: logger)
            var applier = PostgresSnapshotApplier(connection: connection, logger: logger,
                                                  rules: SnapshotRules(file: file, snapshot: snapshot, time: time, words: words),
                                                  summaryMinimum: summaryMinimum)
            var receipt = try await applier.apply()
            // Bank receipts waiting for an invoice are matched again against the books as they are now.
            try await Self.rematchAfterImport(&receipt, creditor: file.creditor, at: time, on: connection, logger: logger)
            return receipt
        }
    }

    /// Open invoices and credits of a creditor, with contacts and reminder history.
    public func openReceivables(of creditor: CreditorID) async throws -> [Receivable] {
        try await receivables(of: creditor, customer: nil)
    }

    /// One customer's open receivables, the same as `openReceivables(of:)` filtered to it.
    public func openReceivables(of creditor: CreditorID, customer: Int64) async throws -> [Receivable] {
        try await receivables(of: creditor, customer: customer)
    }

    private func receivables(of creditor: CreditorID, customer: Int64?) async throws -> [Receivable] {
        try await readSnapshot { connection in
            return try await PostgresOpenReceivables(connection: connection, creditor: creditor, customer: customer, logger: logger).read()
        }
    }

    /// Records a refused file and why, so that the import history is complete.
    public func recordRejectedImport(_ file: ImportedFile, reason: String, at time: Date) async throws -> Int64 {
        try await transaction { connection in
            var id: Int64 = 0
            for try await inserted in try await connection.liveQuery("""
                INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, error, imported_at)
                VALUES (\(file.creditor.rawValue), \(file.fileName), \(file.sha256), \(Int64(file.byteCount)), \(file.kind), 'rejected', \(reason), \(time))
                RETURNING id
                """, logger: logger).decode(Int64.self) { id = inserted }
            let words = try await Self.wording(of: file.creditor.rawValue, on: connection, logger: logger)
            try await Self.append(NewEvent(time: time, kind: "import.rejected", creditor: file.creditor, importID: id,
                                           summary: words.importRejected(file: file.fileName, reason: reason),
                                           detail: ["sha256": file.sha256]), on: connection, logger: logger)
            return id
        }
    }
}
