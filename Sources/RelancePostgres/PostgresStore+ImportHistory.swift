public import Foundation
import PostgresNIO
public import RelanceCore

/// The imports' history with each file's journaled warnings, and a person's refusal of a held
/// snapshot (locked first: two daemons' consoles refusing and confirming the same import at
/// once decide one after the other).
extension PostgresStore: ImportHistoryStore {
    public func importHistory(of creditor: CreditorID?, limit: Int) async throws -> [ImportRecord] {
        let id = creditor?.rawValue
        return try await readSnapshot { connection in
            var records: [ImportRecord] = []
            for try await (importID, owner, file, kind, status, items, asOf, at, error, held) in try await connection.liveQuery("""
                SELECT id, creditor_id, file_name, kind, status, item_count, as_of::text, imported_at, error, held_reason FROM import
                WHERE \(id)::text IS NULL OR creditor_id = \(id)::text ORDER BY id DESC LIMIT \(Int64(max(0, limit)))
                """, logger: logger).decode((Int64, String, String, String, String, Int64, String?, Date, String?, String?).self) {
                guard let owner = CreditorID(owner) else { continue }
                records.append(ImportRecord(importID: importID, creditor: owner, fileName: file, kind: kind,
                                            status: ImportRecord.Status(rawValue: status) ?? .rejected, itemCount: Int(items),
                                            asOf: asOf.flatMap(CivilDate.init(iso8601:)), importedAt: at, error: error, heldReason: held))
            }
            // Each listed import's warnings, as journaled (at most 51 a file: `ImportWarningEvents`),
            // and the drops of the same file that dated the books again.
            if let id, let oldest = records.map(\.importID).min() {
                var warnings: [Int64: [String]] = [:], reconfirmations: [Int64: [String]] = [:]
                for try await (importID, kind, summary) in try await connection.liveQuery("""
                    SELECT import_id, kind, summary FROM event
                    WHERE creditor_id = \(id) AND kind IN ('import.warning', 'import.reconfirmed') AND import_id >= \(oldest) ORDER BY id
                    """, logger: logger).decode((Int64, String, String).self) {
                    if kind == "import.warning" {
                        warnings[importID, default: []].append(summary)
                    } else {
                        reconfirmations[importID, default: []].append(summary)
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
        try await transaction { connection in
            var found: (String, String, String)?
            for try await row in try await connection.liveQuery(
                "SELECT creditor_id, file_name, status FROM import WHERE id = \(importID) FOR UPDATE", logger: logger
            ).decode((String, String, String).self) { found = row }
            guard let (creditor, fileName, status) = found else {
                throw PostgresStoreError(.notFound, "there is no import #\(importID); `relance import held` lists the held ones",
                                         context: ["import": "\(importID)"])
            }
            guard status == "held" else {
                throw PostgresStoreError(.invalidState, "import #\(importID) is \(status), not held: there is nothing to reject",
                                         context: ["import": "\(importID)"])
            }
            // The schema ties `held` to a kept snapshot and `rejected` to an error: both change together.
            try await connection.liveQuery("""
                UPDATE import SET status = 'rejected', error = \(reason), held_snapshot = NULL, held_reason = NULL WHERE id = \(importID)
                """, logger: logger)
            let words = try await Self.wording(of: creditor, on: connection, logger: logger)
            try await Self.append(NewEvent(time: time, kind: "import.rejected", creditor: CreditorID(creditor), importID: importID,
                                           summary: words.heldImportRejected(importID: importID, file: fileName, reason: reason)),
                                  on: connection, logger: logger)
        }
    }
}
