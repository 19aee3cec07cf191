import GRDB

/// The schema's history as recorded in the store, for `relance store migrate`.
extension AppDatabase {
    /// The migrations applied, oldest first (`v1`, `v2-…`).
    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try AppDatabase.migrator.appliedMigrations(db) }
    }
}
