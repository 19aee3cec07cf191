import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// Leases with fencing tokens on PostgreSQL: one holder at a time, tokens strictly increasing,
/// and a daemon paused past its lease writes nothing.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresLeaseTests {
    typealias F = StoreFixtures

    /// Two daemons on one database, closed and dropped afterwards.
    private func withTwoDaemons(_ body: (PostgresStore, PostgresStore) async throws -> Void) async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let first = try await PostgresStore.open(settings, daemonID: "daemon-a", logger: PostgresTestDatabase.logger)
            let second = try await PostgresStore.open(settings, daemonID: "daemon-b", logger: PostgresTestDatabase.logger)
            let outcome = await Result { try await body(first, second) }
            await first.close()
            await second.close()
            try outcome.get()
        }
    }

    /// Ends a lease now, as its holder's clock running past it would.
    private func expire(_ name: String, on store: PostgresStore) async throws {
        try await store.connection { connection in
            try await connection.query("UPDATE lease SET expires_at = clock_timestamp() - interval '1 second' WHERE name = \(name)",
                                       logger: store.logger)
        }
    }

    @Test func oneHolderAtATimeAndTokensStrictlyIncrease() async throws {
        try await withTwoDaemons { a, b in
            let first = try #require(try await a.acquireLease("intake:acme", for: .seconds(30)))
            #expect(first.holder == "daemon-a" && first.token == 1)
            #expect(try await b.acquireLease("intake:acme", for: .seconds(30)) == nil)
            #expect(try await a.acquireLease("intake:acme", for: .seconds(30)) == nil)  // renew, not re-acquire
            // Another lease is independent.
            #expect(try await b.acquireLease("planning:acme", for: .seconds(30))?.token == 1)
            let renewed = try #require(try await a.renewLease(first, for: .seconds(60)))
            #expect(renewed.token == first.token && renewed.expiresAt > first.expiresAt)
            try await a.releaseLease(renewed)
            let second = try #require(try await b.acquireLease("intake:acme", for: .seconds(30)))
            #expect(second.holder == "daemon-b" && second.token == 2)
            #expect(try await a.renewLease(renewed, for: .seconds(30)) == nil)
            try await b.releaseLease(second)
            let third = try #require(try await a.acquireLease("intake:acme", for: .seconds(30)))
            #expect(third.token == 3)
        }
    }

    /// Daemon A takes the lease, then stalls (SIGSTOP, a long GC pause, a partition) past its
    /// expiry; daemon B takes over. When A wakes up, its write under the old token is refused
    /// and nothing of it is stored; B's write goes through.
    @Test func aHolderPausedPastItsLeaseWritesNothing() async throws {
        try await withTwoDaemons { a, b in
            try await a.registerCreditor(F.creditor, language: nil, at: F.time)
            // Leases long enough for a loaded CI machine to write in time; the pause outlasts it.
            let stale = try #require(try await a.acquireLease("digest:acme", for: .milliseconds(1500)))
            try await a.record([NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "A, in time")], fencedBy: stale)
            try await Task.sleep(for: .milliseconds(1800))  // A is "paused"

            // Expired, not yet taken over: already refused.
            await #expect { try await a.record([NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "A, late")],
                                               fencedBy: stale) } throws: { ($0 as? PostgresStoreError)?.code == .staleLease }
            let fresh = try #require(try await b.acquireLease("digest:acme", for: .seconds(30)))
            #expect(fresh.token > stale.token)
            try await b.record([NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "B")], fencedBy: fresh)
            // A wakes up: its token is stale, its whole batch refused, its renewal too.
            await #expect { try await a.record([NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "A, stale 1"),
                                                NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "A, stale 2")],
                                               fencedBy: stale) } throws: { ($0 as? PostgresStoreError)?.code == .staleLease }
            #expect(try await a.renewLease(stale, for: .seconds(30)) == nil)
            // A's release of the stale grant does not end B's lease.
            try await a.releaseLease(stale)
            #expect(try await a.acquireLease("digest:acme", for: .seconds(30)) == nil)

            let written = try await b.events(of: F.creditor, kinds: ["test.fenced"], since: F.time).map(\.event.summary)
            #expect(written == ["A, in time", "B"])
        }
    }

    /// A fenced write holds the lease row FOR SHARE until it commits: a takeover that starts
    /// meanwhile waits for it, so the stale holder's write cannot land after the new holder began.
    @Test func aTakeoverWaitsForAFencedWriteInProgress() async throws {
        try await withTwoDaemons { a, b in
            try await a.registerCreditor(F.creditor, language: nil, at: F.time)
            let grant = try #require(try await a.acquireLease("mailbox:acme", for: .milliseconds(2000)))
            async let slowWrite: Void = a.fenced(by: grant) { connection in
                try await connection.query("SELECT pg_sleep(3.5)", logger: a.logger)
                try await PostgresStore.append(NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "A, slow"),
                                               on: connection, logger: a.logger)
            }
            try await Task.sleep(for: .milliseconds(2600))  // A's lease has expired; its transaction still runs
            let takeover = try await b.acquireLease("mailbox:acme", for: .seconds(30))
            // B got the lease only once A's write had committed: it is already visible to B.
            let visible = try await b.events(of: F.creditor, kinds: ["test.fenced"], since: F.time).map(\.event.summary)
            try await slowWrite
            #expect(takeover?.token == grant.token + 1)
            #expect(visible == ["A, slow"])
        }
    }

    /// Work runs under a lease bound to its task (`WorkLease`): every port it calls is fenced
    /// without carrying the token — the journal, a customer's hold, the outbox. A daemon that
    /// wakes up past its lease writes none of it; while the lease is current, all goes through.
    @Test func everyWriteOfLeasedWorkIsFencedByTheTaskLease() async throws {
        try await withTwoDaemons { a, b in
            try await a.registerCreditor(F.creditor, language: nil, at: F.time)
            let grant = try #require(try await a.acquireLease("planning:acme", for: .seconds(30)))
            try await WorkLease.$current.withValue(grant) {
                try await a.record(NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "A, in time"))
            }
            // A is "paused" past its lease: its expiry moved into the past rather than slept
            // through, so that a loaded machine cannot outlast the lease before the write in time
            // (expiry by the clock is `aHolderPausedPastItsLeaseWritesNothing`'s).
            try await expire("planning:acme", on: a)
            let fresh = try #require(try await b.acquireLease("planning:acme", for: .seconds(30)))
            await WorkLease.$current.withValue(grant) {
                await #expect { try await a.record(NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "A, stale")) }
                    throws: { ($0 as? PostgresStoreError)?.code == .staleLease }
                await #expect { try await a.setCreditorState(CreditorStoredState(paused: true), of: F.creditor, reason: "stale", at: F.time) }
                    throws: { ($0 as? PostgresStoreError)?.code == .staleLease }
                // Even a single statement outside a transaction of its own (the mailbox's mark) is refused.
                await #expect { try await a.outboxCounts() } throws: { ($0 as? PostgresStoreError)?.code == .staleLease }
            }
            try await WorkLease.$current.withValue(fresh) {
                try await b.record(NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "B"))
            }
            // Outside any lease (the sender's claims, a person's outcome) nothing is fenced.
            try await a.record(NewEvent(time: F.time, kind: "test.fenced", creditor: F.creditor, summary: "A, unleased"))
            let written = try await b.events(of: F.creditor, kinds: ["test.fenced"], since: F.time).map(\.event.summary)
            #expect(written == ["A, in time", "B", "A, unleased"])
            #expect(try await b.creditorState(F.creditor).paused == false)
        }
    }
}
