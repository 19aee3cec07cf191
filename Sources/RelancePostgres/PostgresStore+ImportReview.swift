public import Foundation
import PostgresNIO
public import RelanceCore

/// Snapshots held back by the mass-settlement safety, a person's confirmation of one, and the
/// documents kept for invoices. A confirmation locks the import's row first: two daemons'
/// consoles confirming and refusing one import at once decide one after the other.
extension PostgresStore: ImportReviewStore {
    public func heldImports(of creditor: CreditorID?) async throws -> [HeldImport] {
        let id = creditor?.rawValue
        return try await connection { connection in
            // The time as SQLite's book spells it (GRDB's UTC text), which is what `heldAt` carries.
            var held: [HeldImport] = []
            for try await (importID, owner, file, asOf, at, reason) in try await connection.liveQuery("""
                SELECT id, creditor_id, file_name, as_of::text,
                       to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), held_reason FROM import
                WHERE status = 'held' AND (\(id)::text IS NULL OR creditor_id = \(id)::text) ORDER BY id
                """, logger: logger).decode((Int64, String, String, String?, String, String).self) {
                guard let owner = CreditorID(owner) else { continue }
                held.append(HeldImport(importID: importID, creditor: owner, fileName: file, asOf: asOf.flatMap(CivilDate.init(iso8601:)),
                                       heldAt: at, reason: reason))
            }
            return held
        }
    }

    public func confirmHeldImport(_ importID: Int64, at time: Date) async throws -> ImportReceipt {
        try await transaction { connection in
            var found: (String, String, String, Int64, String, String, Data?)?
            for try await row in try await connection.liveQuery("""
                SELECT creditor_id, file_name, sha256, byte_count, kind, status, held_snapshot FROM import WHERE id = \(importID) FOR UPDATE
                """, logger: logger).decode((String, String, String, Int64, String, String, Data?).self) { found = row }
            guard let (creditor, fileName, sha256, byteCount, kind, status, blob) = found, let owner = CreditorID(creditor) else {
                throw PostgresStoreError(.notFound, "there is no import #\(importID); `relance status` lists the held ones",
                                         context: ["import": "\(importID)"])
            }
            guard status == "held", let blob else {
                throw PostgresStoreError(.invalidState, "import #\(importID) is \(status), not held: there is nothing to confirm",
                                         context: ["import": "\(importID)"])
            }
            var snapshot = try JSONDecoder().decode(ReceivableSnapshot.self, from: blob)
            snapshot.massSettlementThresholdPercent = nil
            let file = ImportedFile(creditor: owner, fileName: fileName, sha256: sha256, byteCount: Int(byteCount), kind: kind)
            try await connection.liveQuery("""
                UPDATE import SET status = 'applied', held_snapshot = NULL, held_reason = NULL, confirmed_at = \(time), imported_at = \(time)
                WHERE id = \(importID)
                """, logger: logger)
            let words = try await Self.wording(of: creditor, on: connection, logger: logger)
            try await Self.append(NewEvent(time: time, kind: "import.confirmed", creditor: owner, importID: importID,
                                           summary: words.heldImportConfirmed(importID: importID, file: fileName)),
                                  on: connection, logger: logger)
            var applier = PostgresSnapshotApplier(connection: connection, logger: logger,
                                                  rules: SnapshotRules(file: file, snapshot: snapshot, time: time, words: words))
            var receipt = try await applier.applyItems(SnapshotRules.folded(snapshot.items), importID: importID)
            try await Self.rematchAfterImport(&receipt, creditor: owner, at: time, on: connection, logger: logger)
            return receipt
        }
    }

    public func invoiceDocument(invoiceID: Int64) async throws -> InvoiceDocument? {
        try await connection { connection in
            for try await (path, sha256, mediaType, name) in try await connection.liveQuery("""
                SELECT document_path, document_sha256, document_media_type, document_name FROM invoice
                WHERE id = \(invoiceID) AND document_path IS NOT NULL
                """, logger: logger).decode((String, String?, String?, String?).self) {
                return InvoiceDocument(path: path, sha256: sha256 ?? "", mediaType: mediaType ?? "application/octet-stream",
                                       fileName: name ?? "invoice")
            }
            return nil
        }
    }

    /// The kept documents of a batch of reminders' invoices in one read, not one each.
    public func invoiceDocuments(invoiceIDs: [Int64]) async throws -> [Int64: InvoiceDocument] {
        guard !invoiceIDs.isEmpty else { return [:] }
        return try await connection { connection in
            var documents: [Int64: InvoiceDocument] = [:]
            for try await (id, path, sha256, mediaType, name) in try await connection.liveQuery("""
                SELECT id, document_path, document_sha256, document_media_type, document_name FROM invoice
                WHERE id = ANY(\(invoiceIDs)) AND document_path IS NOT NULL
                """, logger: logger).decode((Int64, String, String?, String?, String?).self) {
                documents[id] = InvoiceDocument(path: path, sha256: sha256 ?? "", mediaType: mediaType ?? "application/octet-stream",
                                                fileName: name ?? "invoice")
            }
            return documents
        }
    }
}
