import Foundation
import Testing
import RelanceCore
import RelancePostgres
import RelancePostgresTesting
import RelanceStore

/// The store words its one purge line for every creditor at once: in their language when they
/// share one, English otherwise (`Language.shared(byStored:)`) — the same on both backends.
@Suite struct PurgeLineLanguageTests {
    typealias F = StoreFixtures
    static let policy = RetentionPolicy(mailDays: 365, inactiveCustomerDays: 365)

    /// Registers the creditors, lets one of `acme`'s customers go inactive, purges, and returns
    /// the purge's journal line.
    static func purgeLine(_ store: some ReceivablesStore & RetentionStore & EventJournal,
                          creditors: [(CreditorID, Language?)]) async throws -> String {
        for (creditor, language) in creditors { try await store.registerCreditor(creditor, language: language, at: F.time) }
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", customer: "C002", open: 50)]), at: F.time)
        // C001 pays: the next snapshot only lists C002's invoice.
        _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot([F.item("F-2", customer: "C002", open: 50)], asOf: "2026-11-21"), at: F.time)
        let report = try await store.purge(policy, at: F.time.addingTimeInterval(400 * 86_400))
        #expect(report.customersAnonymised == 1)
        return try #require(try await store.recentEvents(of: nil, limit: 100).first { $0.event.kind == "purge" }).event.summary
    }

    static let cases: [([(CreditorID, Language?)], String)] = [
        ([(F.creditor, .french)], "Purge de conservation : "),
        ([(F.creditor, .french), (CreditorID("bravo")!, .french)], "Purge de conservation : "),
        ([(F.creditor, .french), (CreditorID("bravo")!, .english)], "Retention purge: "),
        // A creditor registered without a language is stored as English.
        ([(F.creditor, .french), (CreditorID("bravo")!, nil)], "Retention purge: "),
        ([(F.creditor, .english)], "Retention purge: "),
    ]

    @Test("SQLite", arguments: cases.indices)
    func sqlite(_ index: Int) async throws {
        let line = try await Self.purgeLine(try AppDatabase.inMemory(), creditors: Self.cases[index].0)
        #expect(line.hasPrefix(Self.cases[index].1), "\(line)")
    }

    @Test("PostgreSQL", .enabled(if: PostgresTestDatabase.shouldRun), arguments: cases.indices)
    func postgres(_ index: Int) async throws {
        try await PostgresTestDatabase.withStore(daemonID: "purging") { store in
            let line = try await Self.purgeLine(store, creditors: Self.cases[index].0)
            #expect(line.hasPrefix(Self.cases[index].1), "\(line)")
        }
    }
}
