import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import Synchronization
import Testing

/// A snapshot fed in batches while its file is read (`OpenItemFeed`, issue #17: an import's
/// memory bounded whatever the file's size) leaves the store the whole snapshot's import leaves,
/// in one transaction: a failure in the middle of the feed leaves the book as it was.
@Suite("A fed import")
struct FedImportTests {
    typealias F = StoreFixtures

    /// `items` `size` at a time; `failAt`: the batch whose reading fails (as a row the parse
    /// refuses far into the file).
    static func feed(_ items: [OpenItem], size: Int, failAt: Int? = nil, refused: [RefusedRow] = [],
                     warnings: [String] = []) -> OpenItemFeed {
        let position = Mutex(0)
        return OpenItemFeed(next: {
            let (start, batch) = position.withLock { at in
                defer { at += size }
                return (at, at / size)
            }
            if batch == failAt { throw RowRefused() }
            guard start < items.count else { return nil }
            return Array(items[start..<min(start + size, items.count)])
        }, end: { OpenItemFeed.End(refusedRows: refused, warnings: warnings, needsWholeFile: false) })
    }

    struct RowRefused: Error {}

    func store() async throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(F.creditor, language: .french, at: F.time)
        return store
    }

    @Test(arguments: [1, Int.max])
    func leavesTheStoreTheWholeImportLeaves(summaryMinimum: Int) async throws {
        let items = BulkFirstLoadTests.items
        let refused = [RefusedRow(position: SourcePosition(file: "balance.csv", line: 90, column: 4), invoice: "F26-9999",
                                  customer: "C001", problem: .dueTooFarAhead(due: F.date("2030-01-01"), exportDate: F.date("2026-11-27"), years: 2))]
        var file = F.file("balance.csv")
        file.warnings = ["a column was guessed"]
        var snapshot = F.snapshot(items, asOf: "2026-11-27")
        snapshot.refusedRows = refused
        let whole = try await store()
        let wholeReceipt = try await whole.importSnapshot(file, snapshot, at: F.time, summaryMinimum: summaryMinimum)
        let fed = try await store()
        let fedReceipt = try await fed.importSnapshot(F.file("balance.csv"), F.snapshot([], asOf: "2026-11-27"),
                                                      feed: Self.feed(items, size: 7, refused: refused, warnings: file.warnings),
                                                      at: F.time, summaryMinimum: summaryMinimum)
        #expect(fedReceipt == wholeReceipt)
        #expect(try await fed.writer.read { try String.fetchAll($0, sql: "SELECT kind || summary || COALESCE(detail, '') FROM event ORDER BY id") }
                == whole.writer.read { try String.fetchAll($0, sql: "SELECT kind || summary || COALESCE(detail, '') FROM event ORDER BY id") })
        #expect(try await BulkFirstLoadTests().contents(fed) == BulkFirstLoadTests().contents(whole))
    }

    @Test func aFailureFarIntoTheFeedLeavesTheBookAsItWas() async throws {
        let store = try await store()
        await #expect(throws: RowRefused.self) {
            _ = try await store.importSnapshot(F.file("balance.csv"), F.snapshot([]), feed: Self.feed(BulkFirstLoadTests.items, size: 4, failAt: 5),
                                               at: F.time, summaryMinimum: 1)
        }
        #expect(try await store.writer.read { try Int.fetchOne($0, sql: "SELECT (SELECT COUNT(*) FROM invoice) + (SELECT COUNT(*) FROM import) + (SELECT COUNT(*) FROM customer)") } == 0)
        // The triggers and indexes a large first load lifts are there again.
        #expect(try await store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'invoice' AND type = 'index'") }! > 1)
    }

    @Test func aRepeatedInvoiceAsksForTheWholeFileAndWritesNothing() async throws {
        let store = try await store()
        let items = BulkFirstLoadTests.items + [F.item("F26-0003", customer: "C003", open: 500)]
        await #expect(throws: WholeFileNeeded.self) {
            _ = try await store.importSnapshot(F.file("balance.csv"), F.snapshot([]), feed: Self.feed(items, size: 8), at: F.time)
        }
        #expect(try await store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM invoice") } == 0)
    }

    /// A snapshot that would settle too much is held by the whole import (which keeps it for the
    /// person who confirms it); the fed one writes nothing and says so.
    @Test func aSnapshotToHoldAsksForTheWholeFile() async throws {
        let store = try await store()
        _ = try await store.importSnapshot(F.file("first.csv", sha: "a"), F.snapshot(BulkFirstLoadTests.items, asOf: "2026-11-20"), at: F.time)
        var truncated = F.snapshot([], asOf: "2026-11-27")
        truncated.massSettlementThresholdPercent = 50
        await #expect(throws: WholeFileNeeded.self) {
            _ = try await store.importSnapshot(F.file("second.csv", sha: "b"), truncated, feed: Self.feed(Array(BulkFirstLoadTests.items.prefix(5)), size: 2),
                                               at: F.time)
        }
        #expect(try await store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM import") } == 1)
        #expect(try await store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM invoice WHERE status = 'open'") } == 40)
        truncated.items = Array(BulkFirstLoadTests.items.prefix(5))
        #expect(try await store.importSnapshot(F.file("second.csv", sha: "b"), truncated, at: F.time).outcome == .held)
    }
}
