public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: ReceivablesStore {
    public func registerCreditor(_ creditor: CreditorID, at time: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "INSERT INTO creditor (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                           arguments: [creditor.rawValue, time])
            if db.changesCount > 0 {
                try Self.append(NewEvent(time: time, kind: "creditor.registered", creditor: creditor,
                                         summary: "Creditor \(creditor) registered from the configuration."), in: db)
            }
        }
    }

    public func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, at time: Date) async throws -> ImportReceipt {
        try await writer.write { db in
            // A ledger's import dirties tens of MB of pages in one transaction: with SQLite's
            // 2 MB page cache, they spill to the WAL and are read back mid-transaction (twice
            // the writes, and reads). A larger cache for this transaction only; it is released
            // after, and is smaller than the parse's peak, so the import's peak does not rise.
            let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -32768")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(previous)") }
            var receipt = try SnapshotApplier(db: db, file: file, snapshot: snapshot, time: time).apply()
            try BankReceiptRematcher.afterImport(&receipt, creditor: file.creditor, time: time, in: db)
            return receipt
        }
    }

    public func recordRejectedImport(_ file: ImportedFile, reason: String, at time: Date) async throws -> Int64 {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, error, imported_at)
                VALUES (?, ?, ?, ?, ?, 'rejected', ?, ?)
                """, arguments: [file.creditor.rawValue, file.fileName, file.sha256, file.byteCount, file.kind, reason, time])
            let id = db.lastInsertedRowID
            try Self.append(NewEvent(time: time, kind: "import.rejected", creditor: file.creditor, importID: id,
                                     summary: "File \(file.fileName) was refused: \(reason)",
                                     detail: ["sha256": file.sha256]), in: db)
            return id
        }
    }

    public func openReceivables(of creditor: CreditorID) async throws -> [Receivable] {
        try await writer.read { db in
            try OpenReceivablesReader(db: db, creditor: creditor).read()
        }
    }
}
