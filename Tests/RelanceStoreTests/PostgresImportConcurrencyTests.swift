import Foundation
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// Two daemons importing for one creditor at the same moment (a drop folder shared between
/// machines, a file dropped twice): the imports run one after the other under the creditor's
/// lock, so the same bytes apply once and a customer two files name is created once. Staged as
/// `PostgresTaskConcurrencyTests` stages its races: both wait on the lock before either goes.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresImportConcurrencyTests {
    typealias F = StoreFixtures
    let races = PostgresTaskConcurrencyTests()
    let creditorLock = "SELECT pg_advisory_xact_lock(hashtext('task-opening:acme'))"

    @Test func theSameFileImportedByTwoDaemonsAtOnceAppliesOnce() async throws {
        try await races.withTwoDaemons { first, second, _, referee in
            let snapshot = F.snapshot([F.item("N-1", customer: "C100", open: 700)], asOf: "2026-11-25")
            let results = try await races.race(holding: creditorLock, on: referee, [
                { @Sendable in try await first.importSnapshot(F.file("same.csv", sha: "e"), snapshot, at: F.time) },
                { @Sendable in try await second.importSnapshot(F.file("same copy.csv", sha: "e"), snapshot, at: F.time) },
            ])
            let outcomes = results.compactMap { try? $0.get().outcome }
            #expect(outcomes.sorted { "\($0)" < "\($1)" } == [.applied, .duplicate], "\(results)")
            #expect(try await first.openReceivables(of: F.creditor).filter { $0.number == "N-1" }.count == 1)
        }
    }

    @Test func twoFilesNamingTheSameNewCustomerAtOnceCreateItOnce() async throws {
        try await races.withTwoDaemons { first, second, _, referee in
            // Enrichment files: neither settles what the other brings.
            let one = F.snapshot([F.item("N-1", customer: "C100", open: 700)], asOf: "2026-11-25", authoritative: false)
            let two = F.snapshot([F.item("N-2", customer: "C100", open: 300)], asOf: "2026-11-25", authoritative: false)
            let results = try await races.race(holding: creditorLock, on: referee, [
                { @Sendable in try await first.importSnapshot(F.file("one.xml", sha: "e"), one, at: F.time) },
                { @Sendable in try await second.importSnapshot(F.file("two.xml", sha: "f"), two, at: F.time) },
            ])
            #expect(results.compactMap { try? $0.get().outcome } == [.applied, .applied], "\(results)")
            let open = try await first.openReceivables(of: F.creditor).filter { $0.number.hasPrefix("N-") }
            #expect(open.map(\.number).sorted() == ["N-1", "N-2"])
            #expect(Set(open.map(\.customer.id)).count == 1, "one customer C100 for both")
            #expect(results.compactMap { try? $0.get().newCustomers }.sorted() == [0, 1])
        }
    }
}
