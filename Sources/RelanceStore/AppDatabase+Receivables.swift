public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: ReceivablesStore {
    public func registerCreditor(_ creditor: CreditorID, language: Language?, at time: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "INSERT INTO creditor (id, created_at, language) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                           arguments: [creditor.rawValue, time, language?.rawValue])
            if db.changesCount > 0 {
                try Self.append(NewEvent(time: time, kind: "creditor.registered", creditor: creditor,
                                         summary: (language ?? .english).wording.creditorRegistered(creditor.rawValue)), in: db)
            } else if let language {
                // The configuration may have changed the language since the last start.
                try db.execute(sql: "UPDATE creditor SET language = ? WHERE id = ? AND language IS NOT ?",
                               arguments: [language.rawValue, creditor.rawValue, language.rawValue])
            }
        }
    }

    public func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, at time: Date) async throws -> ImportReceipt {
        try await importSnapshot(file, snapshot, at: time, summaryMinimum: SnapshotApplier.summaryMinimumDefault)
    }

    /// `summaryMinimum`: from how many new invoices a first load journals one line per customer
    /// (tests compare both ways on one file).
    func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, at time: Date,
                        summaryMinimum: Int) async throws -> ImportReceipt {
        // A larger page cache, and statement journals in memory (`importTransaction`).
        try await importTransaction { db in
            var receipt = try SnapshotApplier(db: db, file: file, snapshot: snapshot, time: time, summaryMinimum: summaryMinimum).apply()
            try BankReceiptRematcher.afterImport(&receipt, creditor: file.creditor, time: time, in: db)
            return receipt
        }
    }

    /// `importSnapshot` for items fed as the file is read, in the same one transaction.
    public func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, feed: OpenItemFeed,
                               at time: Date) async throws -> ImportReceipt {
        try await importSnapshot(file, snapshot, feed: feed, at: time, summaryMinimum: SnapshotApplier.summaryMinimumDefault)
    }

    func importSnapshot(_ file: ImportedFile, _ snapshot: ReceivableSnapshot, feed: OpenItemFeed, at time: Date,
                        summaryMinimum: Int) async throws -> ImportReceipt {
        // The same transaction as a whole snapshot's import (above).
        try await importTransaction { db in
            var applier = try SnapshotApplier(db: db, file: file, snapshot: snapshot, time: time, summaryMinimum: summaryMinimum)
            var receipt = try applier.apply(feed: feed)
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
                                     summary: try Self.wording(of: file.creditor.rawValue, in: db).importRejected(file: file.fileName, reason: reason),
                                     detail: ["sha256": file.sha256]), in: db)
            return id
        }
    }

    public func openReceivables(of creditor: CreditorID) async throws -> [Receivable] {
        try await writer.read { db in
            try OpenReceivablesReader(db: db, creditor: creditor).read()
        }
    }

    public func openReceivables(of creditor: CreditorID, customer: Int64) async throws -> [Receivable] {
        try await writer.read { db in
            try OpenReceivablesReader(db: db, creditor: creditor, customer: customer).read()
        }
    }
}
