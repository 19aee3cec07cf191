import Foundation
import RelanceCore
@testable import RelanceStore
import Testing

/// The store's half of `SnapshotReconfirmation`, on both stores: the same undated export dropped
/// again dates the books (the import, the planner's ledger date) by the later day, with a
/// journal line saying so, and never outranks an export that states its date; an older export
/// dropped again after a newer one, or a dated one, is a plain duplicate, journaled as such.
@Suite("An undated export dropped again, in the store")
struct ImportReconfirmationStoreTests {
    typealias F = StoreFixtures

    static let items = [F.item("FA26-0866", open: 91_200, due: "2026-11-01"), F.item("FA26-0870", open: 45_000, due: "2026-11-05")]

    static func undated(_ items: [OpenItem], asOf: String) -> ReceivableSnapshot {
        var snapshot = F.snapshot(items, asOf: asOf)
        snapshot.datedByDropDay = true
        return snapshot
    }

    static func seenAsOf(_ book: any BookUnderTest) async throws -> [String] {
        try await book.texts("SELECT CAST(seen_as_of AS TEXT) FROM invoice ORDER BY number")
    }

    @Test("the same bytes a fortnight later: the books as of that day, said in the journal", arguments: StoreBackend.all)
    func confirmsTheBooks(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            try await book.register(language: .french)
            let first = try await book.receivables.importSnapshot(F.file("balance.csv"), Self.undated(Self.items, asOf: "2026-11-23"), at: F.time)
            let again = try await book.receivables.importSnapshot(F.file("balance (1).csv"), Self.undated(Self.items, asOf: "2026-12-07"), at: F.time)
            #expect(again.importID == first.importID && again.outcome == .duplicate)
            #expect(again.reconfirmedAsOf == F.date("2026-12-07") && again.datesTheBooks)
            let line = "Le fichier balance (1).csv a le même contenu que l'import n°\u{00A0}\(first.importID), le dernier export, et ne porte "
                + "pas de date : les comptes sont tenus pour inchangés au 07/12/2026 (l'export était daté du 23/11/2026)."
            #expect(again.warnings == [line])
            #expect(try await book.planning.planningFacts(of: F.creditor).latestAuthoritativeSnapshot == F.date("2026-12-07"))
            // The invoices keep the day they were seen: a reading of intent outranks no dated export.
            #expect(try await Self.seenAsOf(book) == ["2026-11-23", "2026-11-23"])
            let journal = try await book.journal.events(of: F.creditor, kinds: ["import.reconfirmed", "import.duplicate"], since: .distantPast)
            #expect(journal.map(\.event.summary) == [line])
            #expect(journal.first?.event.detail == ["as_of": "2026-12-07", "previous_as_of": "2026-11-23"])
            // The imports' history shows the drop under the import it confirmed (it is no import of its own).
            let history = try await #require(book.receivables as? any ImportHistoryStore).importHistory(of: F.creditor, limit: 10)
            #expect(history.map(\.importID) == [first.importID] && history.first?.reconfirmations == [line])
            #expect(history.first?.asOf == F.date("2026-12-07") && history.first?.warnings == [])
            // Nothing else moved: the same two invoices, open, for the same amounts.
            #expect(try await book.receivables.openReceivables(of: F.creditor).map(\.open.minorUnits).sorted() == [45_000, 91_200])

            // An export dated in between, dropped after, is news: it settles what it no longer lists.
            let dated = try await book.receivables.importSnapshot(F.file("balance au 01-12.csv", sha: "d"),
                                                                  F.snapshot([Self.items[1]], asOf: "2026-12-01"), at: F.time)
            #expect(dated.settledInvoices == 1)
            #expect(try await book.receivables.openReceivables(of: F.creditor).map(\.number) == ["FA26-0870"])
            #expect(try await book.planning.planningFacts(of: F.creditor).latestAuthoritativeSnapshot == F.date("2026-12-07"))
        }
    }

    @Test("an older export dropped again after a newer one is old news: a plain duplicate", arguments: StoreBackend.all)
    func olderExportStaysOld(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let first = try await book.receivables.importSnapshot(F.file("lundi.csv"), Self.undated(Self.items, asOf: "2026-11-23"), at: F.time)
            _ = try await book.receivables.importSnapshot(F.file("mardi.csv", sha: "b"), Self.undated([Self.items[1]], asOf: "2026-11-24"), at: F.time)
            let again = try await book.receivables.importSnapshot(F.file("lundi.csv"), Self.undated(Self.items, asOf: "2026-12-07"), at: F.time)
            #expect(again.importID == first.importID && again.outcome == .duplicate && again.reconfirmedAsOf == nil && !again.datesTheBooks)
            #expect(try await book.planning.planningFacts(of: F.creditor).latestAuthoritativeSnapshot == F.date("2026-11-24"))
            let journal = try await book.journal.events(of: F.creditor, kinds: ["import.reconfirmed", "import.duplicate"], since: .distantPast)
            #expect(journal.map(\.event.kind) == ["import.duplicate"])
        }
    }

    @Test("an export held for a person after it: a plain duplicate (the held one may be the news)", arguments: StoreBackend.all)
    func heldExportAfter(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let first = try await book.receivables.importSnapshot(F.file("lundi.csv"), Self.undated(Self.items, asOf: "2026-11-23"), at: F.time)
            var truncated = Self.undated([], asOf: "2026-11-24")
            truncated.massSettlementThresholdPercent = 20
            #expect(try await book.receivables.importSnapshot(F.file("vide.csv", sha: "e"), truncated, at: F.time).outcome == .held)
            let again = try await book.receivables.importSnapshot(F.file("lundi.csv"), Self.undated(Self.items, asOf: "2026-12-07"), at: F.time)
            #expect(again.importID == first.importID && again.outcome == .duplicate && again.reconfirmedAsOf == nil)
            #expect(try await book.planning.planningFacts(of: F.creditor).latestAuthoritativeSnapshot == F.date("2026-11-23"))
        }
    }

    @Test("a file that states its date says nothing of a later day: a plain duplicate", arguments: StoreBackend.all)
    func datedExportStaysDated(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            _ = try await book.receivables.importSnapshot(F.file("balance.csv"), F.snapshot(Self.items, asOf: "2026-11-23"), at: F.time)
            let again = try await book.receivables.importSnapshot(F.file("balance.csv"), F.snapshot(Self.items, asOf: "2026-12-07"), at: F.time)
            #expect(again.outcome == .duplicate && again.reconfirmedAsOf == nil)
            #expect(try await book.planning.planningFacts(of: F.creditor).latestAuthoritativeSnapshot == F.date("2026-11-23"))
            #expect(try await Self.seenAsOf(book) == ["2026-11-23", "2026-11-23"])
        }
    }

    @Test("fed in batches (SQLite's streamed report): the same, and a plain duplicate's line is journaled too")
    func fed() async throws {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(F.creditor, language: .french, at: F.time)
        _ = try await store.importSnapshot(F.file("balance.csv"), Self.undated([], asOf: "2026-11-23"),
                                           feed: FedImportTests.feed(Self.items, size: 1), at: F.time)
        // The same day: nothing to confirm, the duplicate is said (its line was lost on this path before).
        let sameDay = try await store.importSnapshot(F.file("balance.csv"), Self.undated([], asOf: "2026-11-23"),
                                                     feed: FedImportTests.feed(Self.items, size: 1), at: F.time)
        #expect(sameDay.outcome == .duplicate && sameDay.reconfirmedAsOf == nil)
        let later = try await store.importSnapshot(F.file("balance.csv"), Self.undated([], asOf: "2026-12-07"),
                                                   feed: FedImportTests.feed(Self.items, size: 1), at: F.time)
        #expect(later.reconfirmedAsOf == F.date("2026-12-07"))
        let journal = try await store.events(of: F.creditor, kinds: ["import.reconfirmed", "import.duplicate"], since: .distantPast)
        #expect(journal.map(\.event.kind) == ["import.duplicate", "import.reconfirmed"])
        #expect(try await store.planningFacts(of: F.creditor).latestAuthoritativeSnapshot == F.date("2026-12-07"))
    }
}
