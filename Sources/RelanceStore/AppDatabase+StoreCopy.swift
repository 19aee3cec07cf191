import Foundation
import GRDB
public import RelanceCore

/// The SQLite store as the source of `relance store copy`: its data tables, read page by page in
/// rowid order. SQLite's own tables, GRDB's migration list and the search indexes' virtual and
/// shadow tables are not data (the destination keeps its own migrations and indexes).
extension AppDatabase: StoreCopySource {
    public func copyTables() async throws -> [StoreCopyTable] {
        try await writer.read { db in
            // `PRAGMA table_list` types the FTS5 tables `virtual` and their internals `shadow`.
            let listed = try Row.fetchAll(db, sql: "PRAGMA table_list")
            let names = listed.compactMap { row -> String? in
                guard (row["schema"] as String?) == "main", (row["type"] as String?) == "table",
                      let name = row["name"] as String?, !name.hasPrefix("sqlite_"), !name.hasPrefix("grdb_") else { return nil }
                return name
            }
            return try names.sorted().map { name in
                StoreCopyTable(name: name, columns: try db.columns(in: name).map(\.name))
            }
        }
    }

    public func copyRows(of table: StoreCopyTable, after cursor: Int64?, limit: Int, maximumBytes: Int) async throws -> StoreCopyPage {
        try await writer.read { db in
            let columns = table.columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let sql = "SELECT rowid, \(columns) FROM \(table.name.quotedDatabaseIdentifier) WHERE rowid > ? ORDER BY rowid LIMIT ?"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [cursor ?? Int64.min, max(1, limit)])
            var page: [[StoreCopyCell]] = []
            var bytes = 0
            var last: Int64?
            while bytes < maximumBytes || page.isEmpty, let row = try rows.next() {
                let cells = (1...table.columns.count).map { Self.cell(row[$0] as DatabaseValue) }
                bytes += cells.reduce(0) { $0 + $1.byteCount }
                page.append(cells)
                last = row[0]
            }
            // A full page, or one cut by its weight with rows after it: ask again from `last`.
            let more = try page.count == max(1, limit) || (bytes >= maximumBytes && rows.next() != nil)
            return StoreCopyPage(rows: page, next: more ? last : nil)
        }
    }

    private static func cell(_ value: DatabaseValue) -> StoreCopyCell {
        switch value.storage {
        case .null: .null
        case .int64(let integer): .text(String(integer))
        case .double(let real): .text("\(real)")
        case .string(let text): .text(text)
        case .blob(let data): .blob([UInt8](data))
        }
    }
}
