import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import RelanceTesting
import Testing

/// The import's transaction (`importTransaction`): its settings last as long as it does, its
/// sorts keep the connection's `temp_store`, and it commits or rolls back as `write` does.
@Suite("An import's transaction")
struct ImportTransactionTests {
    typealias F = StoreFixtures

    private func settings(_ store: AppDatabase) async throws -> (tempStore: Int, cacheSize: Int) {
        try await store.writer.writeWithoutTransaction { db in
            (try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? -1, try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0)
        }
    }

    @Test func theConnectionsSettingsComeBackAfterAnImport() async throws {
        let workspace = try TemporaryWorkspace("relance-import-transaction")
        let store = try AppDatabase.openOnDisk(at: workspace.url("relance.sqlite"))
        try await store.registerCreditor(F.creditor, at: F.time)
        let before = try await settings(store)
        let items = (0..<3).map { F.item("F\($0)", customer: "C\($0)", open: 1_000, due: "2026-12-01", email: "c\($0)@client.example") }
        let receipt = try await store.importSnapshot(F.file("balance.csv"), F.snapshot(items, asOf: "2026-11-27"), at: F.time)
        #expect(receipt.newInvoices == 3)
        let after = try await settings(store)
        #expect(after.tempStore == before.tempStore)
        #expect(after.cacheSize == before.cacheSize)
    }

    @Test func insideTheTransactionSortsKeepTheConnectionsTempStoreAndTheCacheIsLarger() async throws {
        let workspace = try TemporaryWorkspace("relance-import-transaction")
        let store = try AppDatabase.openOnDisk(at: workspace.url("relance.sqlite"))
        let before = try await settings(store)
        let inside = try await store.importTransaction { db in
            (try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? -1, try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0, db.isInsideTransaction)
        }
        #expect(inside.0 == before.tempStore)
        #expect(inside.1 == -32768)
        #expect(inside.2)
    }

    @Test func aThrowingImportLeavesNothingAndTheSettingsAsTheyWere() async throws {
        struct Refused: Error {}
        let workspace = try TemporaryWorkspace("relance-import-transaction")
        let store = try AppDatabase.openOnDisk(at: workspace.url("relance.sqlite"))
        let before = try await settings(store)
        await #expect(throws: Refused.self) {
            try await store.importTransaction { db in
                try db.execute(sql: "INSERT INTO creditor (id, created_at) VALUES ('undone', '2026-11-27 00:00:00.000')")
                throw Refused()
            }
        }
        let kept = try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM creditor WHERE id = 'undone'") }
        #expect(kept == 0)
        let after = try await settings(store)
        #expect(after.tempStore == before.tempStore)
        #expect(after.cacheSize == before.cacheSize)
        // And the next transaction commits what it writes.
        try await store.importTransaction { db in
            try db.execute(sql: "INSERT INTO creditor (id, created_at) VALUES ('kept', '2026-11-27 00:00:00.000')")
        }
        let committed = try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM creditor WHERE id = 'kept'") }
        #expect(committed == 1)
    }
}
