import Logging
import PostgresNIO
import RelanceCore

/// What `relance store copy` needs to know of the PostgreSQL schema: each table's columns and
/// their types, the tables' foreign keys (to write a referenced table before its referrers) and
/// identity columns (whose sequences must continue after the copied ids).
struct CopySchema: Sendable {
    /// table → column → `information_schema` data type.
    var columns: [String: [String: String]]
    /// table → the tables its foreign keys reference (itself excluded).
    var references: [String: Set<String>]
    /// table → its identity columns.
    var identities: [String: [String]]

    struct Plan: Sendable {
        var order: [StoreCopyTable]
        var notCopied: [String]
    }

    static func read(_ connection: PostgresConnection, logger: Logger) async throws -> CopySchema {
        var schema = CopySchema(columns: [:], references: [:], identities: [:])
        let columns = try await connection.liveQuery("""
            SELECT table_name::text, column_name::text, data_type::text, is_identity::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name IN
                (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
            """, logger: logger)
        for try await (table, column, type, identity) in columns.decode((String, String, String, String).self) {
            schema.columns[table, default: [:]][column] = type
            if identity == "YES" { schema.identities[table, default: []].append(column) }
        }
        let keys = try await connection.liveQuery("""
            SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint
            WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
            """, logger: logger)
        for try await (table, referenced) in keys.decode((String, String).self) where table != referenced {
            schema.references[table, default: []].insert(referenced)
        }
        return schema
    }

    func type(of column: String, in table: String) -> String {
        columns[table]?[column] ?? "text"
    }

    /// The source's tables in an order that writes every referenced table first. Refuses a
    /// table or column PostgreSQL does not have: its data would be lost.
    func plan(for source: [StoreCopyTable]) throws(PostgresStoreError) -> Plan {
        for table in source {
            guard let known = columns[table.name] else {
                throw PostgresStoreError(.copyRefused, "the source store has a table the PostgreSQL schema does not: its rows would be lost; copy with the Relance version that wrote the source, or a newer one. Nothing was written",
                                         context: ["table": table.name])
            }
            if let missing = table.columns.first(where: { known[$0] == nil }) {
                throw PostgresStoreError(.copyRefused, "the source store has a column the PostgreSQL schema does not: its values would be lost; nothing was written",
                                         context: ["table": table.name, "column": missing])
            }
        }
        let byName = Dictionary(uniqueKeysWithValues: source.map { ($0.name, $0) })
        var order: [StoreCopyTable] = []
        var placed: Set<String> = []
        var remaining = source.map(\.name).sorted()
        while !remaining.isEmpty {
            // A table is ready once every table it references (that the source has) is written.
            guard let ready = remaining.firstIndex(where: { name in
                references[name, default: []].allSatisfy { placed.contains($0) || byName[$0] == nil }
            }) else {
                throw PostgresStoreError(.copyRefused, "the tables' foreign keys form a cycle; no order writes each referenced table first. Nothing was written",
                                         context: ["tables": remaining.joined(separator: " ")])
            }
            let name = remaining.remove(at: ready)
            placed.insert(name)
            order.append(byName[name]!)
        }
        let notCopied = columns.keys.filter { byName[$0] == nil && $0 != "relance_migration" }.sorted()
        return Plan(order: order, notCopied: notCopied)
    }

    func holdsRows(_ table: String, _ connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.liveQuery(PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(Self.quoted(table)))"), logger: logger)
        for try await exists in rows.decode(Bool.self) { return exists }
        return false
    }

    /// The next id an identity column gives is the one after the largest copied.
    func restartIdentity(of table: String, _ connection: PostgresConnection, logger: Logger) async throws {
        for column in identities[table, default: []] {
            let quotedTable = Self.quoted(table), quotedColumn = Self.quoted(column)
            try await connection.liveQuery(PostgresQuery(unsafeSQL: """
                SELECT setval(pg_get_serial_sequence('\(quotedTable)', '\(column)'),
                              COALESCE((SELECT max(\(quotedColumn)) FROM \(quotedTable)), 1),
                              (SELECT max(\(quotedColumn)) FROM \(quotedTable)) IS NOT NULL)
                """), logger: logger)
        }
    }

    /// A table or column name as an SQL identifier (names come from the two schemas, never from a user).
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
