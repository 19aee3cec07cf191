import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// The PostgreSQL schema and its migrator: numbered frozen migrations, each in one
/// transaction, a newer or altered history refused; and the invariants the schema keeps.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresMigratorTests {
    private func recorded(_ store: PostgresStore) async throws -> [Int] {
        try await store.connection { connection in
            var numbers: [Int] = []
            let rows = try await connection.query("SELECT number FROM relance_migration ORDER BY number", logger: store.logger)
            for try await number in rows.decode(Int.self) { numbers.append(number) }
            return numbers
        }
    }

    @Test func aFreshDatabaseIsMigratedOnceAndReopeningChangesNothing() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let store = try await PostgresStore.open(settings, daemonID: "first", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                #expect(try await recorded(store) == PostgresMigrations.all.map(\.number))
                let again = try await PostgresStore.open(settings, daemonID: "second", logger: PostgresTestDatabase.logger)
                await again.close()
                #expect(try await recorded(store) == PostgresMigrations.all.map(\.number))
            }
            await store.close()
            try outcome.get()
        }
    }

    @Test func daemonsStartingTogetherMigrateOnce() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
                for index in 0..<4 {
                    group.addTask { try await PostgresStore.open(settings, daemonID: "d\(index)", logger: PostgresTestDatabase.logger) }
                }
                var stores: [PostgresStore] = []
                for try await store in group { stores.append(store) }
                return stores
            }
            let numbers = await Result { try await recorded(stores[0]) }
            for store in stores { await store.close() }
            #expect(try numbers.get() == PostgresMigrations.all.map(\.number))
        }
    }

    @Test func aDatabaseMigratedByANewerRelanceIsRefused() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let store = try await PostgresStore.open(settings, daemonID: "old", logger: PostgresTestDatabase.logger)
            try await store.connection { connection in
                try await connection.query("""
                    INSERT INTO relance_migration (number, name, sha256, applied_by)
                    VALUES (\(PostgresMigrations.latest + 1), 'from-the-future', \(String(repeating: "0", count: 64)), 'newer')
                    """, logger: store.logger)
            }
            await store.close()
            await #expect { _ = try await PostgresStore.open(settings, logger: PostgresTestDatabase.logger) } throws: {
                ($0 as? PostgresStoreError)?.code == .newerSchema
            }
        }
    }

    @Test func anEditedReleasedMigrationIsRefused() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let store = try await PostgresStore.open(settings, daemonID: "a", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                var edited = PostgresMigrations.all
                edited[1].sql += "\nCREATE TABLE sneaked_in (id INTEGER);"
                await #expect { try await PostgresMigrator.migrate(store, migrations: edited) } throws: {
                    ($0 as? PostgresStoreError)?.code == .migrationMismatch
                }
            }
            await store.close()
            try outcome.get()
        }
    }

    @Test func aFailingMigrationIsRolledBackAsAWhole() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let store = try await PostgresStore.open(settings, daemonID: "a", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                let broken = PostgresMigration(number: PostgresMigrations.latest + 1, name: "broken", sql: """
                    CREATE TABLE half_done (id INTEGER);
                    INSERT INTO no_such_table VALUES (1);
                    """)
                await #expect { try await PostgresMigrator.migrate(store, migrations: PostgresMigrations.all + [broken]) } throws: {
                    let error = $0 as? PostgresStoreError
                    return error?.code == .migrationFailed && error?.context["statement"] == "2"
                }
                let exists = try await store.connection { connection in
                    var found = true
                    let rows = try await connection.query("SELECT to_regclass('half_done') IS NOT NULL", logger: store.logger)
                    for try await value in rows.decode(Bool.self) { found = value }
                    return found
                }
                #expect(!exists)
                #expect(try await recorded(store) == PostgresMigrations.all.map(\.number))
            }
            await store.close()
            try outcome.get()
        }
    }

    /// The invariants SQLite keeps with STRICT and GLOB, kept here by types and CHECKs; and the
    /// journal append-only (no DELETE, no TRUNCATE, no UPDATE but a purge's redaction).
    @Test func theSchemaRefusesWhatSQLiteRefuses() async throws {
        try await PostgresTestDatabase.withStore { store in
            try await store.registerCreditor(StoreFixtures.creditor, language: .french, at: StoreFixtures.time)
            let refused: [String] = [
                "INSERT INTO creditor (id, created_at) VALUES ('Not-Lower', now())",
                "INSERT INTO creditor (id, created_at, language) VALUES ('other', now(), 'de')",
                "INSERT INTO customer (creditor_id, external_id, created_at) VALUES ('acme', '', now())",
                "INSERT INTO customer (creditor_id, external_id, created_at, phones) VALUES ('acme', 'C9', now(), '{}')",
                "INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, imported_at) VALUES ('acme', 'f', 'XYZ', 1, 'k', 'applied', now())",
                "INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, imported_at) VALUES ('acme', 'f', repeat('a', 64), 1, 'k', 'rejected', now())",
                "INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, imported_at) VALUES ('acme', 'f', repeat('a', 64), 1, 'k', 'applied', '2026-02-30', now())",
                "INSERT INTO console_user VALUES ('Bob', '$2b$12$' || repeat('a', 53), false, now(), now())",
                "INSERT INTO console_user VALUES ('bob', 'plain-text-password', false, now(), now())",
                "INSERT INTO lease VALUES ('x', 'holder with space', 1, now(), now())",
                "INSERT INTO lease VALUES ('x', 'holder', 0, now(), now())",
            ]
            for statement in refused {
                await #expect(throws: PSQLError.self, "\(statement)") {
                    try await store.connection { connection in try await connection.query(PostgresQuery(unsafeSQL: statement), logger: store.logger) }
                }
            }
            try await store.record(NewEvent(time: StoreFixtures.time, kind: "test", creditor: StoreFixtures.creditor, summary: "kept",
                                            detail: ["k": "v"]))
            for statement in ["DELETE FROM event", "TRUNCATE event", "UPDATE event SET summary = 'rewritten'",
                              "UPDATE event SET summary = '[purged]', detail = '{}', kind = 'other'"] {
                await #expect(throws: PSQLError.self, "\(statement)") {
                    try await store.connection { connection in try await connection.query(PostgresQuery(unsafeSQL: statement), logger: store.logger) }
                }
            }
            // A purge's redaction is the one update allowed.
            try await store.connection { connection in
                try await connection.query("UPDATE event SET summary = '[purged]', detail = '{}' WHERE kind = 'test'", logger: store.logger)
            }
            #expect(try await store.recentEvents(of: StoreFixtures.creditor, limit: 1).first?.event.summary == "[purged]")
        }
    }

    @Test func customerSearchFoldsAccentsLikeTheSQLiteIndex() async throws {
        try await PostgresTestDatabase.withStore { store in
            try await store.registerCreditor(StoreFixtures.creditor, language: .french, at: StoreFixtures.time)
            let folded = try await store.connection { connection in
                try await connection.query("""
                    INSERT INTO customer (creditor_id, external_id, name, created_at) VALUES ('acme', 'C001', 'Œuvre Crème Brûlée', now())
                    """, logger: store.logger)
                try await connection.query("""
                    INSERT INTO customer_email (customer_id, address, role) SELECT id, 'compta@oeuvre.example', 'to' FROM customer
                    """, logger: store.logger)
                var result: [String] = []
                let rows = try await connection.query("""
                    SELECT name || '|' || emails FROM customer_search WHERE name ILIKE '%creme brul%'
                    """, logger: store.logger)
                for try await row in rows.decode(String.self) { result.append(row) }
                return result
            }
            #expect(folded == ["oeuvre creme brulee|compta@oeuvre.example"])
        }
    }
}
