/// The schema's history as recorded in the database, for `relance store migrate`.
extension PostgresStore {
    /// The migrations applied, oldest first, as `number-name` (`1-schema`).
    public func appliedMigrations() async throws -> [String] {
        try await connection { connection in
            try await PostgresMigrator.appliedMigrations(connection, self)
                .sorted { $0.key < $1.key }.map { "\($0.key)-\($0.value.name)" }
        }
    }
}
