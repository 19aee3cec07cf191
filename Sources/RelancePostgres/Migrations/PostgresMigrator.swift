import Crypto
import Foundation
import PostgresNIO

/// Applies the migrations a database lacks, each in one transaction with its record, under an
/// advisory lock so that daemons starting together migrate once. Refuses a database migrated
/// by a newer Relance, and one whose recorded migrations differ from this version's.
enum PostgresMigrator {
    /// An arbitrary constant: the advisory lock that serialises migrations ("relance" in ASCII).
    static let lockKey: Int64 = 0x72_65_6C_61_6E_63_65

    static func migrate(_ store: PostgresStore, migrations: [PostgresMigration] = PostgresMigrations.all) async throws {
        try await store.transaction { connection in
            try await connection.liveQuery("SELECT pg_advisory_xact_lock(\(lockKey))", logger: store.logger)
            try await connection.liveQuery("""
                CREATE TABLE IF NOT EXISTS relance_migration (
                    number INTEGER PRIMARY KEY CHECK (number > 0),
                    name TEXT NOT NULL,
                    sha256 TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                    applied_by TEXT NOT NULL
                )
                """, logger: store.logger)
        }
        for migration in migrations {
            try await store.transaction { connection in
                try await connection.liveQuery("SELECT pg_advisory_xact_lock(\(lockKey))", logger: store.logger)
                let applied = try await appliedMigrations(connection, store)
                try check(applied, against: migrations)
                guard applied[migration.number] == nil else { return }
                for (index, statement) in migration.statements.enumerated() {
                    do {
                        try await connection.liveQuery(PostgresQuery(unsafeSQL: statement), logger: store.logger)
                    } catch {
                        throw PostgresStoreError(.migrationFailed,
                            "migration \(migration.number) (\(migration.name)) failed at its statement \(index + 1) and was rolled back: \(String(reflecting: error))",
                            context: ["migration": "\(migration.number)-\(migration.name)", "statement": "\(index + 1)"])
                    }
                }
                try await connection.liveQuery("""
                    INSERT INTO relance_migration (number, name, sha256, applied_by)
                    VALUES (\(migration.number), \(migration.name), \(checksum(migration)), \(store.daemonID))
                    """, logger: store.logger)
                store.logger.info("applied PostgreSQL migration", metadata: [
                    "migration": "\(migration.number)-\(migration.name)", "database": "\(store.settings.redactedURL)"])
            }
        }
    }

    struct Applied: Equatable { var name: String; var sha256: String }

    static func appliedMigrations(_ connection: PostgresConnection, _ store: PostgresStore) async throws -> [Int: Applied] {
        var applied: [Int: Applied] = [:]
        let rows = try await connection.liveQuery("SELECT number, name, sha256 FROM relance_migration", logger: store.logger)
        for try await (number, name, sha256) in rows.decode((Int, String, String).self) {
            applied[number] = Applied(name: name, sha256: sha256)
        }
        return applied
    }

    /// Pure: the recorded migrations against this version's list.
    static func check(_ applied: [Int: Applied], against migrations: [PostgresMigration]) throws(PostgresStoreError) {
        let latest = migrations.map(\.number).max() ?? 0
        if let newest = applied.keys.max(), newest > latest {
            throw PostgresStoreError(.newerSchema,
                "the database was migrated by a newer Relance (its schema is at migration \(newest), this version knows up to \(latest)): run the newer version, or restore a backup made for this one",
                context: ["database migration": "\(newest)", "known up to": "\(latest)"])
        }
        for migration in migrations {
            guard let record = applied[migration.number] else { continue }
            if record != Applied(name: migration.name, sha256: checksum(migration)) {
                throw PostgresStoreError(.migrationMismatch,
                    "migration \(migration.number) recorded in the database (\(record.name)) is not this version's \(migration.name): a released migration was changed, or another program owns these tables",
                    context: ["migration": "\(migration.number)"])
            }
        }
    }

    static func checksum(_ migration: PostgresMigration) -> String {
        SHA256.hash(data: Data(migration.sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
