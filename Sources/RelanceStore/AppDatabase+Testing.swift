extension AppDatabase {
    /// Runs raw SQL, for tests that prove the schema's invariants hold against direct writes.
    public func executeForTesting(_ sql: String) throws {
        try writer.write { db in try db.execute(sql: sql) }
    }
}
