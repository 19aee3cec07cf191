import GRDB

/// Drops the invoice table's secondary indexes for the length of a large first load and builds
/// them again after, in the same transaction, from the `CREATE INDEX` statements the schema
/// holds: SQLite sorts 100,000 rows into a fresh index faster than it inserts them one at a
/// time into five B-trees. The unique index on (creditor, number) stays: it is what refuses a
/// duplicate number, and what the load looks invoices up by.
///
/// Only when the table holds fewer invoices than the load brings (building an index reads the
/// whole table, every creditor's): a store with a large book already keeps its indexes.
struct InvoiceIndexPause {
    /// The lifted indexes' `CREATE INDEX` statements, in the order the schema lists them.
    let createIndexes: [String]

    static func begin(_ db: Database, loading count: Int) throws -> InvoiceIndexPause? {
        let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice") ?? 0
        guard stored < count else { return nil }
        // Indexes SQLite makes for constraints have no SQL of their own and are never dropped.
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice' AND sql IS NOT NULL ORDER BY rowid
            """)
        guard !indexes.isEmpty else { return nil }
        for index in indexes { try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)") }
        return InvoiceIndexPause(createIndexes: indexes.map { $0["sql"] })
    }

    func end(_ db: Database) throws {
        for sql in createIndexes { try db.execute(sql: sql) }
    }
}
