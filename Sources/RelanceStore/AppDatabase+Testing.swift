extension AppDatabase {
    /// Runs raw SQL, for tests that prove the schema's invariants hold against direct writes.
    public func executeForTesting(_ sql: String) throws {
        try writer.write { db in try db.execute(sql: sql) }
    }
}

extension AppDatabase {
    /// How many console sessions are stored, expired ones included (tests of the purge).
    public func consoleSessionCountForTesting() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM console_session") ?? 0 }
    }
}
