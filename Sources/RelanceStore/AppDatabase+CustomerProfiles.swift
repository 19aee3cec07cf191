public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: CustomerProfileStore {
    public func importContacts(_ file: ImportedFile, _ profiles: [CustomerProfile], at time: Date) async throws -> ImportReceipt {
        try await writer.write { db in
            try ContactsApplier(db: db, file: file, profiles: profiles, time: time).apply()
        }
    }

    public func customerProfiles(of creditor: CreditorID) async throws -> [StoredCustomer] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: Self.profileQuery + " WHERE c.creditor_id = ? ORDER BY c.external_id",
                             arguments: [creditor.rawValue]).map(Self.profile)
        }
    }

    public func customerProfile(id: Int64) async throws -> StoredCustomer? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: Self.profileQuery + " WHERE c.id = ?", arguments: [id]).map(Self.profile)
        }
    }

    private static let profileQuery = """
        SELECT c.*,
               (SELECT json_group_array(address) FROM (SELECT address FROM customer_email WHERE customer_id = c.id AND role = 'to' ORDER BY address)) AS emails_to,
               (SELECT json_group_array(address) FROM (SELECT address FROM customer_email WHERE customer_id = c.id AND role = 'cc' ORDER BY address)) AS emails_cc
        FROM customer c
        """

    private static func profile(_ row: Row) throws -> StoredCustomer {
        func list(_ column: String) -> [String] {
            (row[column] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        }
        let address: String? = row["postal_address"]
        let profile = CustomerProfile(
            externalID: row["external_id"], name: row["name"], postalAddress: address.map { $0.components(separatedBy: "\n") } ?? [],
            siren: row["siren"], vatNumber: row["vat_number"], emailsTo: list("emails_to"), emailsCc: list("emails_cc"),
            phones: list("phones"), language: (row["language"] as String?).flatMap(Language.init(rawValue:)),
            paymentTerms: (row["payment_terms"] as String?).flatMap(PaymentTermsRule.init(stored:)), policy: row["policy"],
            doNotRemind: row["do_not_remind"], note: row["note"], initialStep: row["initial_step"],
            lastManualContact: (row["last_manual_contact_on"] as String?).flatMap { CivilDate(iso8601: $0) })
        return StoredCustomer(id: row["id"], profile: profile, needsIdentification: row["needs_identification"])
    }
}

extension AppDatabase: ImportReviewStore {
    public func heldImports(of creditor: CreditorID?) async throws -> [HeldImport] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, creditor_id, file_name, as_of, imported_at, held_reason FROM import
                WHERE status = 'held' AND (?1 IS NULL OR creditor_id = ?1) ORDER BY id
                """, arguments: [creditor?.rawValue]).map { row in
                HeldImport(importID: row["id"], creditor: CreditorID(row["creditor_id"] as String)!, fileName: row["file_name"],
                           asOf: (row["as_of"] as String?).flatMap { CivilDate(iso8601: $0) }, heldAt: row["imported_at"],
                           reason: row["held_reason"])
            }
        }
    }

    public func confirmHeldImport(_ importID: Int64, at time: Date) async throws -> ImportReceipt {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT creditor_id, file_name, sha256, byte_count, kind, status, held_snapshot FROM import WHERE id = ?
                """, arguments: [importID]) else {
                throw StoreError(.notFound, "there is no import #\(importID); `relance status` lists the held ones")
            }
            guard (row["status"] as String) == "held", let blob = row["held_snapshot"] as Data? else {
                throw StoreError(.invalidState, "import #\(importID) is \(row["status"] as String), not held: there is nothing to confirm")
            }
            var snapshot = try JSONDecoder().decode(ReceivableSnapshot.self, from: blob)
            snapshot.massSettlementThresholdPercent = nil
            let file = ImportedFile(creditor: CreditorID(row["creditor_id"] as String)!, fileName: row["file_name"],
                                    sha256: row["sha256"], byteCount: row["byte_count"], kind: row["kind"])
            try db.execute(sql: """
                UPDATE import SET status = 'applied', held_snapshot = NULL, held_reason = NULL, confirmed_at = ?, imported_at = ? WHERE id = ?
                """, arguments: [time, time, importID])
            try Self.append(NewEvent(time: time, kind: "import.confirmed", creditor: file.creditor, importID: importID,
                                     summary: try Self.wording(of: file.creditor.rawValue, in: db).heldImportConfirmed(importID: importID, file: file.fileName)), in: db)
            var receipt = try SnapshotApplier(db: db, file: file, snapshot: snapshot, time: time)
                .applyItems(SnapshotRules.folded(snapshot.items), importID: importID)
            try BankReceiptRematcher.afterImport(&receipt, creditor: file.creditor, time: time, in: db)
            return receipt
        }
    }

    public func invoiceDocument(invoiceID: Int64) async throws -> InvoiceDocument? {
        try await invoiceDocuments(invoiceIDs: [invoiceID])[invoiceID]
    }

    public func invoiceDocuments(invoiceIDs: [Int64]) async throws -> [Int64: InvoiceDocument] {
        guard !invoiceIDs.isEmpty else { return [:] }
        let ids = "[" + invoiceIDs.map(String.init).joined(separator: ",") + "]"
        return try await writer.read { db in
            var documents: [Int64: InvoiceDocument] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT id, document_path, document_sha256, document_media_type, document_name FROM invoice
                WHERE id IN (SELECT value FROM json_each(?)) AND document_path IS NOT NULL
                """, arguments: [ids]) {
                documents[row["id"]] = InvoiceDocument(
                    path: row["document_path"], sha256: row["document_sha256"] ?? "",
                    mediaType: row["document_media_type"] ?? "application/octet-stream", fileName: row["document_name"] ?? "invoice")
            }
            return documents
        }
    }
}
