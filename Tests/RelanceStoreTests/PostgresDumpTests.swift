import Foundation
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// `relance backup` on PostgreSQL: pg_dump's file, restored by pg_restore into a new database,
/// opens as the same book.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresDumpTests {
    typealias F = StoreFixtures

    @Test func aDumpRestoredIntoANewDatabaseIsTheSameBook() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relance-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.dump")
        try await PostgresTestDatabase.withStore { store in
            let copied = try await store.copy(from: try await StoreCopyTests.livedBook())
            var settings = try PostgresTestDatabase.settings(database: store.settings.database)
            settings.password = try PostgresTestDatabase.facts().password
            let summary = try PostgresDump.backup(settings, to: file)
            #expect(summary.tablesWithData >= copied.tables.count)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["book.dump"])
            let journal = try await store.recentEvents(of: F.creditor, limit: 500)
            let outbox = try await store.outboxCounts()
            try await PostgresTestDatabase.withFreshDatabase { restored in
                var target = restored
                target.password = try PostgresTestDatabase.facts().password
                try PostgresDump.run("pg_restore", ["--no-owner", "--exit-on-error", "--dbname=\(PostgresDump.connectionString(target))", file.path], target)
                let again = try await PostgresStore.open(target, logger: PostgresTestDatabase.logger)
                let result = await Result { () async throws -> ([JournalEntry], [OutboxState: Int]) in
                    (try await again.recentEvents(of: F.creditor, limit: 500), try await again.outboxCounts())
                }
                await again.close()
                let (restoredJournal, restoredOutbox) = try result.get()
                #expect(restoredJournal == journal)
                #expect(restoredOutbox == outbox)
            }
        }
    }

    @Test func aFailedDumpLeavesNothingBehindAndSaysWhy() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relance-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = try PostgresTestDatabase.settings(database: "relance_absent_\(UInt32.random(in: 0...UInt32.max))")
        settings.password = try PostgresTestDatabase.facts().password
        #expect { _ = try PostgresDump.backup(settings, to: folder.appendingPathComponent("book.dump")) } throws: { error in
            let failure = error as? PostgresStoreError
            return failure?.code == .backupFailed && failure?.message.contains("pg_dump failed") == true
                && failure?.message.contains("does not exist") == true && !(failure?.description.contains(settings.password!) ?? true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func theConnectionStringQuotesWhatLibpqWouldMisread() {
        let settings = PostgresStoreSettings(host: "db.example", port: 5433, user: "o'brien", database: #"b\ook"#, sslMode: .verifyFull)
        #expect(PostgresDump.connectionString(settings)
            == #"host='db.example' port='5433' user='o\'brien' dbname='b\\ook' sslmode='verify-full' application_name='relance backup' sslrootcert='/etc/ssl/certs/ca-certificates.crt'"#)
    }
}
