public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: ImportHistoryStore {
    public func importHistory(of creditor: CreditorID?, limit: Int) async throws -> [ImportRecord] {
        try await writer.read { db in
            var records = try Row.fetchAll(db, sql: """
                SELECT id, creditor_id, file_name, kind, status, item_count, as_of, imported_at, error, held_reason FROM import
                WHERE (?1 IS NULL OR creditor_id = ?1) ORDER BY id DESC LIMIT ?2
                """, arguments: [creditor?.rawValue, limit]).map { row in
                ImportRecord(importID: row["id"], creditor: CreditorID(row["creditor_id"] as String)!, fileName: row["file_name"],
                             kind: row["kind"], status: ImportRecord.Status(rawValue: row["status"]) ?? .rejected,
                             itemCount: row["item_count"], asOf: (row["as_of"] as String?).flatMap { CivilDate(iso8601: $0) },
                             importedAt: row["imported_at"], error: row["error"], heldReason: row["held_reason"])
            }
            // Each listed import's warnings, as journaled (at most 51 a file: `ImportWarningEvents`),
            // and the drops of the same file that dated the books again.
            if let creditor, let oldest = records.map(\.importID).min() {
                var warnings: [Int64: [String]] = [:], reconfirmations: [Int64: [String]] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT import_id, kind, summary FROM event
                    WHERE creditor_id = ? AND kind IN ('import.warning', 'import.reconfirmed') AND import_id >= ? ORDER BY id
                    """, arguments: [creditor.rawValue, oldest]) {
                    if (row["kind"] as String) == "import.warning" {
                        warnings[row["import_id"], default: []].append(row["summary"])
                    } else {
                        reconfirmations[row["import_id"], default: []].append(row["summary"])
                    }
                }
                for index in records.indices {
                    records[index].warnings = warnings[records[index].importID] ?? []
                    records[index].reconfirmations = reconfirmations[records[index].importID] ?? []
                }
            }
            return records
        }
    }

    public func rejectHeldImport(_ importID: Int64, reason: String, at time: Date) async throws {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT creditor_id, file_name, status FROM import WHERE id = ?", arguments: [importID]) else {
                throw StoreError(.notFound, "there is no import #\(importID); `relance import held` lists the held ones")
            }
            guard (row["status"] as String) == "held" else {
                throw StoreError(.invalidState, "import #\(importID) is \(row["status"] as String), not held: there is nothing to reject")
            }
            let fileName: String = row["file_name"]
            // The schema ties `held` to a kept snapshot and `rejected` to an error: both change together.
            try db.execute(sql: """
                UPDATE import SET status = 'rejected', error = ?, held_snapshot = NULL, held_reason = NULL WHERE id = ?
                """, arguments: [reason, importID])
            try Self.append(NewEvent(time: time, kind: "import.rejected", creditor: CreditorID(row["creditor_id"] as String), importID: importID,
                                     summary: try Self.wording(of: row["creditor_id"], in: db).heldImportRejected(importID: importID, file: fileName, reason: reason)), in: db)
        }
    }
}
