import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import PostgresNIO
@testable import RelancePostgres
import RelancePostgresTesting
import Testing
import Synchronization

/// Work that must run once among daemons sharing a PostgreSQL book (issue #16): while one daemon
/// holds a creditor's lease, another skips that work; a lease taken over while its work runs
/// cancels the work, and nothing it writes after the takeover lands.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct LeasedWorkTests {
    static let acme = CreditorID("acme")!
    static let time = Date(timeIntervalSince1970: 1_796_000_000)

    private func withTwoDaemons(_ body: (PostgresStore, PostgresStore) async throws -> Void) async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let first = try await PostgresStore.open(settings, daemonID: "daemon-a", logger: PostgresTestDatabase.logger)
            let second = try await PostgresStore.open(settings, daemonID: "daemon-b", logger: PostgresTestDatabase.logger)
            do {
                try await body(first, second)
            } catch {
                await first.close()
                await second.close()
                throw error
            }
            await first.close()
            await second.close()
        }
    }

    @Test func whileOneDaemonDoesTheWorkTheOtherSkipsItThenTakesItsTurn() async throws {
        try await withTwoDaemons { a, b in
            let workA = LeasedWork(leases: a, logger: PostgresTestDatabase.logger)
            let workB = LeasedWork(leases: b, logger: PostgresTestDatabase.logger)
            let (started, startedNow) = AsyncStream.makeStream(of: Void.self)
            let (finish, finishNow) = AsyncStream.makeStream(of: Void.self)
            async let first: String? = workA.run(.intake(Self.acme)) {
                startedNow.yield()
                for await _ in finish { break }
                return "a"
            }
            for await _ in started { break }
            let skipped = try await workB.run(.intake(Self.acme)) { "b" }
            // Another creditor's intake, or the same creditor's planning, is another lease.
            let other = try await workB.run(.planning(Self.acme)) { "b planned" }
            finishNow.yield()
            #expect(try await first == "a")
            #expect(skipped == nil)
            #expect(other == "b planned")
            // A's lease was released when its work ended: B does not wait for the expiry.
            #expect(try await workB.run(.intake(Self.acme)) { "b" } == "b")
        }
    }

    /// A daemon cut off (here: its lease expired and taken over by B behind its back) learns it
    /// at its next renewal: its work is cancelled; each of its writes before the takeover landed,
    /// none after.
    @Test func aLeaseTakenOverCancelsItsWorkAndFencesItsWrites() async throws {
        try await withTwoDaemons { a, b in
            try await a.registerCreditor(Self.acme, language: nil, at: Self.time)
            // Long enough that a loaded machine renews in time; the takeover below does not wait for it.
            let workA = LeasedWork(leases: a, duration: .seconds(6), logger: PostgresTestDatabase.logger)
            let ticks = Atomic(0)
            let ended = Atomic(false)
            let worked = Task {
                defer { ended.store(true, ordering: .releasing) }
                return try await workA.run(.planning(Self.acme)) {
                    while !Task.isCancelled {
                        try await a.record(NewEvent(time: Self.time, kind: "test.tick", creditor: Self.acme, summary: "A"))
                        ticks.add(1, ordering: .relaxed)
                        try await Task.sleep(for: .milliseconds(20))
                    }
                    return "cancelled"
                }
            }
            // Never wait forever: work that ended early (its lease lost to a stall) fails the test below.
            while ticks.load(ordering: .relaxed) < 5, !ended.load(ordering: .acquiring) {
                try await Task.sleep(for: .milliseconds(20))
            }
            let endedEarly = ended.load(ordering: .acquiring)
            if endedEarly {
                let result = await worked.result
                Issue.record("A's work ended before the takeover: \(result)")
                return
            }
            // Partition: A's lease ends without A knowing, B takes it.
            try await b.connection { connection in
                try await connection.query("UPDATE lease SET expires_at = clock_timestamp() WHERE name = 'planning:acme'", logger: b.logger)
            }
            let fresh = try #require(try await b.acquireLease("planning:acme", for: .seconds(30)))
            try await WorkLease.$current.withValue(fresh) {
                try await b.record(NewEvent(time: Self.time, kind: "test.tick", creditor: Self.acme, summary: "B"))
            }
            await #expect { _ = try await worked.value } throws: { error in
                error is LeaseLost || (error as? PostgresStoreError)?.code == .staleLease
            }
            let written = try await b.events(of: Self.acme, kinds: ["test.tick"], since: Self.time).map(\.event.summary)
            #expect(written.filter { $0 == "A" }.count >= 5)
            #expect(written.last == "B", "nothing of A's after B took over: \(written.suffix(3))")
        }
    }
}
