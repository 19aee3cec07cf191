import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import RelanceTesting
import Synchronization
import Testing

/// The Aged balance's rows kept between requests (`AgingRowsCache`) are the rows the store holds
/// now: kept while nothing was written, read again after any write — by the store itself, by
/// its pool's writer, or by another program's connection to the same file.
@Suite struct AgingRowsCacheTests {
    typealias F = StoreFixtures

    static let day = F.date("2026-11-20")

    /// The rows read afresh, bypassing what is kept.
    static func fresh(_ store: AppDatabase, _ creditor: CreditorID = F.creditor, asOf: CivilDate = day) async throws -> [AgingRow] {
        try await store.writer.read { db in try AppDatabase.readAgingRows(of: creditor, asOf: asOf, in: db) }
    }

    /// A read counted, to tell a kept answer from a new read.
    final class Reads: Sendable {
        let count = Atomic(0)
        func read(_ creditor: CreditorID, _ asOf: CivilDate) -> @Sendable (Database) throws -> [AgingRow] {
            { [self] db in
                count.add(1, ordering: .relaxed)
                return try AppDatabase.readAgingRows(of: creditor, asOf: asOf, in: db)
            }
        }
        var total: Int { count.load(ordering: .relaxed) }
    }

    @Test func inMemoryTheStoresOwnWritesAreSeen() async throws {
        let store = try await ConsoleBalanceStoreTests.book()
        let reads = Reads()
        let key = AgingRowsCache.Key(creditor: F.creditor, asOf: Self.day)
        let first = try await store.agingRowsCache.rows(key, read: reads.read(F.creditor, Self.day))
        #expect(try await store.agingRowsCache.rows(key, read: reads.read(F.creditor, Self.day)) == first)
        #expect(reads.total == 1, "nothing written: the kept rows")
        // Another date, another creditor: their own rows, kept beside.
        let other = AgingRowsCache.Key(creditor: ConsolePagesStoreTests.other, asOf: Self.day)
        #expect(try await store.agingRowsCache.rows(other, read: reads.read(ConsolePagesStoreTests.other, Self.day))
                == (try await Self.fresh(store, ConsolePagesStoreTests.other)))
        #expect(reads.total == 2)

        // A write on the one connection (an in-memory store's): read again.
        _ = try await store.importSnapshot(F.file("c.csv", sha: "e"), F.snapshot([F.item("FA-NEW", customer: "C002", open: 123_45, due: "2026-11-19")],
                                                                                   asOf: "2026-11-26", authoritative: false),
                                           at: F.time.addingTimeInterval(3 * 86_400))
        let after = try await store.agingRows(of: F.creditor, asOf: Self.day)
        #expect(after == (try await Self.fresh(store)))
        #expect(after != first, "the new invoice is in the sums")
        #expect(try await store.agingRowsCache.rows(key, read: reads.read(F.creditor, Self.day)) == after)
        #expect(reads.total == 2, "read once by agingRows after the write, then kept")
    }

    @Test func onDiskTheWritersAndAnotherProgramsWritesAreSeen() async throws {
        let workspace = try TemporaryWorkspace("relance-aging-cache")
        let file = workspace.url("state/relance.sqlite")
        let store = try AppDatabase.openOnDisk(at: file)
        try await store.registerCreditor(F.creditor, language: .french, at: F.time)
        var items: [OpenItem] = []
        for n in 1...30 {
            let due = String(format: "2026-%02d-%02d", 9 + n % 3, 10 + n % 15)
            items.append(F.item("FA-\(n)", customer: "C00\(n % 4)", open: Int64(1_000 * n), due: due))
        }
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot(items), at: F.time)
        let reads = Reads()
        let key = AgingRowsCache.Key(creditor: F.creditor, asOf: Self.day)
        let first = try await store.agingRowsCache.rows(key, read: reads.read(F.creditor, Self.day))
        #expect(first == (try await Self.fresh(store)) && !first.isEmpty)
        #expect(try await store.agingRowsCache.rows(key, read: reads.read(F.creditor, Self.day)) == first)
        #expect(reads.total == 1)

        // The pool's writer (another connection than the cache's): read again.
        _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot([F.item("FA-1", customer: "C001", open: 7, due: "2026-11-20")],
                                                                                   asOf: "2026-11-21", authoritative: false),
                                           at: F.time.addingTimeInterval(86_400))
        let second = try await store.agingRowsCache.rows(key, read: reads.read(F.creditor, Self.day))
        #expect(reads.total == 2)
        #expect(second == (try await Self.fresh(store)) && second != first)

        // Another program (`relance import`, a second daemon): its own connection to the file.
        let program = try DatabaseQueue(path: file.path)
        try await program.write { db in try db.execute(sql: "UPDATE invoice SET open_minor = open_minor + 1 WHERE number = 'FA-2'") }
        let third = try await store.agingRowsCache.rows(key, read: reads.read(F.creditor, Self.day))
        #expect(reads.total == 3)
        #expect(third == (try await Self.fresh(store)) && third != second)
        #expect(try await store.agingRows(of: F.creditor, asOf: Self.day) == third)
        #expect(reads.total == 3, "kept since")
        // A write to another table entirely still drops them: more reads than needed, never a
        // stale one. (A write of the same value is none: SQLite leaves the page as it was.)
        try await program.write { db in try db.execute(sql: "UPDATE creditor SET created_at = '2026-01-02T00:00:00Z'") }
        #expect(try await store.agingRowsCache.rows(key, read: reads.read(F.creditor, Self.day)) == third)
        #expect(reads.total == 4)
        try program.close()
    }

    @Test func manyDatesStartOverInsteadOfGrowing() async throws {
        let store = try await ConsoleBalanceStoreTests.book()
        let reads = Reads()
        let first = F.date("2026-01-01")
        for offset in 0...AgingRowsCache.capacity {
            let day = first.adding(days: offset)
            #expect(try await store.agingRowsCache.rows(AgingRowsCache.Key(creditor: F.creditor, asOf: day), read: reads.read(F.creditor, day))
                    == (try await Self.fresh(store, asOf: day)))
        }
        #expect(reads.total == AgingRowsCache.capacity + 1)
        // The first was dropped when one more than the capacity came.
        _ = try await store.agingRowsCache.rows(AgingRowsCache.Key(creditor: F.creditor, asOf: first), read: reads.read(F.creditor, first))
        #expect(reads.total == AgingRowsCache.capacity + 2)
    }
}
