import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// `relance status` on a shared PostgreSQL book reads the daemons' heartbeats, the leases and
/// the outbox's claims in one snapshot, timed by the database's clock.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresSharedBookStatusTests {
    typealias F = StoreFixtures

    @Test func daemonsLeasesAndClaimsAreReadAsTheDatabaseSeesThem() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let a = try await PostgresStore.open(settings, daemonID: "host-a:101:aa", logger: PostgresTestDatabase.logger)
            let b = try await PostgresStore.open(settings, daemonID: "host-b:202:bb", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                let empty = try await a.sharedBookStatus()
                #expect(empty.daemons.isEmpty && empty.leases.isEmpty && empty.claims.isEmpty)

                try await a.heartbeat(version: "1.0-test")
                try await b.heartbeat(version: "1.0-test")
                try await a.registerCreditor(F.creditor, language: nil, at: F.time)
                let intake = try #require(try await a.acquireLease("intake:acme", for: .seconds(300)))
                let digest = try #require(try await b.acquireLease("digest:acme", for: .seconds(300)))
                try await b.releaseLease(digest)

                // Two reminders: one claimed by A, the other by B, whose claim then runs out (B died).
                let book = PostgresBook(store: a)
                let invoices = try await book.seed([F.item("F-1", open: 100), F.item("F-2", customer: "C002", open: 200)])
                for invoice in invoices {
                    _ = try #require(try await a.enqueue(ConsoleReviewStoreTests.draft(invoice, awaitingApproval: false), at: F.time,
                                                         compose: F.composed))
                }
                _ = try #require(try await a.claimNextMessage(now: F.time, skipping: []))
                _ = try #require(try await b.claimNextMessage(now: F.time, skipping: []))
                try await b.connection { connection in
                    try await connection.query("""
                        UPDATE message SET claim_expires_at = clock_timestamp() - interval '1 minute' WHERE claimed_by = 'host-b:202:bb'
                        """, logger: b.logger)
                }

                let status = try await b.sharedBookStatus()
                #expect(Set(status.daemons.map(\.id)) == ["host-a:101:aa", "host-b:202:bb"])
                #expect(status.daemons.allSatisfy { $0.version == "1.0-test" && $0.heartbeatAt <= status.databaseNow && $0.pid > 0 })
                #expect(status.leases.map(\.name) == ["digest:acme", "intake:acme"])
                let held = try #require(status.leases.first { $0.name == "intake:acme" })
                #expect(held.holder == "host-a:101:aa" && held.token == intake.token && held.expiresAt > status.databaseNow)
                let released = try #require(status.leases.first { $0.name == "digest:acme" })
                #expect(released.holder == "host-b:202:bb" && released.expiresAt <= status.databaseNow)
                #expect(status.claims == ["host-a:101:aa": .init(live: 1, expired: 0), "host-b:202:bb": .init(live: 0, expired: 1)])

            }
            await a.close()
            await b.close()
            try outcome.get()
        }
    }
}
