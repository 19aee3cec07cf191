import Foundation
import Testing
import RelanceCore
@testable import RelanceStore

/// The import through the port, on both stores (`StoreBackend`).
@Suite struct SnapshotImportTests {
    typealias F = StoreFixtures

    @Test(arguments: StoreBackend.all) func importsOpenItemsAndCustomers(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let store = book.receivables
            let receipt = try await store.importSnapshot(F.file("a.csv"), F.snapshot([
                F.item("F-1", open: 120_000), F.item("F-2", open: 5_050), F.item("F-3", customer: "C002", open: 99),
            ]), at: F.time)
            #expect(receipt.outcome == .applied)
            #expect(receipt.newInvoices == 3)
            #expect(receipt.newCustomers == 2)
            let open = try await store.openReceivables(of: F.creditor)
            #expect(open.map(\.number) == ["F-1", "F-2", "F-3"])
            #expect(open[0].open == F.euros(120_000))
            #expect(open[0].customer.emails == [EmailAddress("compta@client.example")!])
        }
    }

    @Test(arguments: StoreBackend.all) func sameBytesTwiceChangeNothing(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let store = book.receivables
            _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100)]), at: F.time)
            let second = try await store.importSnapshot(F.file("copy of a.csv"), F.snapshot([F.item("F-1", open: 100)]), at: F.time)
            #expect(second.outcome == .duplicate)
            #expect(second.newInvoices == 0)
        }
    }

    @Test(arguments: StoreBackend.all) func newerSnapshotSettlesWhatItNoLongerLists(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let store = book.receivables, journal = book.journal
            _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", open: 200)]), at: F.time)
            let receipt = try await store.importSnapshot(F.file("b.csv", sha: "b"),
                                                         F.snapshot([F.item("F-2", open: 150)], asOf: "2026-11-21"), at: F.time)
            #expect(receipt.settledInvoices == 1)
            #expect(receipt.updatedInvoices == 1)
            let open = try await store.openReceivables(of: F.creditor)
            #expect(open.map(\.number) == ["F-2"])
            #expect(open[0].open == F.euros(150))
            let kinds = try await journal.recentEvents(of: F.creditor, limit: 20).map(\.event.kind)
            #expect(kinds.contains("invoice.settled"))
            #expect(kinds.contains("invoice.partly-paid"))
        }
    }

    @Test(arguments: StoreBackend.all) func anOlderSnapshotDroppedLateDoesNotReopen(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let store = book.receivables
            _ = try await store.importSnapshot(F.file("old.csv"), F.snapshot([F.item("F-1", open: 100)], asOf: "2026-11-01"), at: F.time)
            _ = try await store.importSnapshot(F.file("new.csv", sha: "b"), F.snapshot([], asOf: "2026-11-20"), at: F.time)
            let late = try await store.importSnapshot(F.file("older.csv", sha: "c"),
                                                      F.snapshot([F.item("F-1", open: 100)], asOf: "2026-11-10"), at: F.time)
            #expect(late.unchangedInvoices == 1)
            #expect(try await store.openReceivables(of: F.creditor).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func aNewerSnapshotReopens(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let store = book.receivables, journal = book.journal
            _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100)], asOf: "2026-11-01"), at: F.time)
            _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot([], asOf: "2026-11-02"), at: F.time)
            _ = try await store.importSnapshot(F.file("c.csv", sha: "c"), F.snapshot([F.item("F-1", open: 100)], asOf: "2026-11-03"), at: F.time)
            #expect(try await store.openReceivables(of: F.creditor).map(\.number) == ["F-1"])
            #expect(try await journal.recentEvents(of: F.creditor, limit: 5).map(\.event.kind).contains("invoice.reopened"))
        }
    }

    @Test(arguments: StoreBackend.all) func enrichmentFilesNeverSettleOrLower(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let store = book.receivables
            _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", open: 200)]), at: F.time)
            _ = try await store.importSnapshot(F.file("einvoice.xml", sha: "b"),
                                               F.snapshot([F.item("F-2", open: 1, due: "2026-12-01")], authoritative: false), at: F.time)
            let open = try await store.openReceivables(of: F.creditor)
            #expect(open.map(\.number) == ["F-1", "F-2"])
            #expect(open[1].open == F.euros(200))
            #expect(open[1].due == F.date("2026-12-01"))
        }
    }

    @Test(arguments: StoreBackend.all) func anAddressWithALineBreakIsNeverStored(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let store = book.receivables, journal = book.journal
            _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([
                F.item("F-1", open: 100, email: "victim@client.example\r\nRCPT TO:<evil@attacker.example>"),
            ]), at: F.time)
            let open = try await store.openReceivables(of: F.creditor)
            #expect(open[0].customer.emails.isEmpty)
            let events = try await journal.recentEvents(of: F.creditor, limit: 10)
            let refusal = try #require(events.first { $0.event.kind == "customer.email-invalid" })
            #expect(!refusal.event.summary.contains("\r"))
            #expect(!refusal.event.summary.contains("\n"))
        }
    }

    @Test(arguments: StoreBackend.all) func rejectedFilesAreRecordedAndMayBeDroppedAgain(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let store = book.receivables
            let first = try await store.recordRejectedImport(F.file("bad.csv"), reason: "bad date at line 3", at: F.time)
            let second = try await store.recordRejectedImport(F.file("bad.csv"), reason: "bad date at line 3", at: F.time)
            #expect(first != second)
            let receipt = try await store.importSnapshot(F.file("bad.csv"), F.snapshot([F.item("F-1", open: 1)]), at: F.time)
            #expect(receipt.outcome == .applied)
        }
    }

    @Test func theJournalIsAppendOnlyAndTheStoreIsSound() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100)]), at: F.time)
        #expect(try store.integrityProblems().isEmpty)
        #expect(throws: (any Error).self) { try store.executeForTesting("UPDATE event SET summary = 'forged'") }
        #expect(throws: (any Error).self) { try store.executeForTesting("DELETE FROM event") }
        #expect(throws: (any Error).self) { try store.executeForTesting("UPDATE invoice SET currency = 'euro'") }
    }
}
