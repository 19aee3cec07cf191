import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
@testable import RelanceStore
import Testing

/// The retention purge does the same to the same book on both stores: a book lived on SQLite is
/// copied into PostgreSQL, both are purged with the same policy at the same time, and the
/// SQLite book, copied again once purged, is row for row the book PostgreSQL purged itself.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct CopiedBookPurgeTests {
    typealias F = StoreFixtures

    @Test(arguments: ["lived book", "settled bank entries"])
    func aPurgeLeavesTheSameBookOnBothStores(_ book: String) async throws {
        let sqlite = book == "lived book" ? try await StoreCopyTests.livedBook() : try await BankRetentionTests.bookWithSettledBankEntries()
        let policy = RetentionPolicy(mailDays: 30, inactiveCustomerDays: 30)
        let time = F.time.addingTimeInterval(800 * 86_400)
        try await PostgresTestDatabase.withStore(daemonID: "purging") { purgedThere in
            _ = try await purgedThere.copy(from: sqlite)
            let expected = try await sqlite.purge(policy, at: time)
            #expect(expected.messagesBlanked + expected.customersAnonymised + expected.eventsRedacted + expected.bankEntriesRedacted > 0,
                    "the purge must remove something for the comparison to mean anything: \(expected)")
            #expect(try await purgedThere.purge(policy, at: time) == expected)
            // A second daemon purging the same day finds nothing left, and journals nothing.
            #expect(try await purgedThere.purge(policy, at: time).isEmpty)
            #expect(try await sqlite.purge(policy, at: time).isEmpty)
            #expect(try await purgedThere.referencedDocuments() == sqlite.referencedDocuments())

            try await PostgresTestDatabase.withStore(daemonID: "copying") { copyOfPurged in
                _ = try await copyOfPurged.copy(from: sqlite)
                let tables = try await Self.tables(copyOfPurged)
                #expect(tables.count > 20)
                for table in tables {
                    let mine = try await Self.fingerprint(table, in: purgedThere)
                    let theirs = try await Self.fingerprint(table, in: copyOfPurged)
                    #expect(mine == theirs, "\(table): purged on PostgreSQL \(mine.rows) rows, purged on SQLite then copied \(theirs.rows)")
                }
            }
        }
    }

    /// The book's tables (not the migrations' own record, whose times differ).
    static func tables(_ store: PostgresStore) async throws -> [String] {
        try await store.connection { connection in
            var names: [String] = []
            for try await name in try await connection.query("""
                SELECT table_name::text FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'relance_migration' ORDER BY 1
                """, logger: store.logger).decode(String.self) { names.append(name) }
            return names
        }
    }

    /// Row count and a digest of every row's text, in a stable order.
    static func fingerprint(_ table: String, in store: PostgresStore) async throws -> (rows: Int64, digest: String) {
        try await store.connection { connection in
            for try await row in try await connection.query("""
                SELECT count(*)::bigint, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM \(unescaped: CopySchema.quoted(table)) t
                """, logger: store.logger).decode((Int64, String).self) { return row }
            return (-1, "")
        }
    }
}
