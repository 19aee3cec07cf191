import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Synchronization
import Testing

/// Work cancelled in the middle of its transaction (a lease lost, a daemon stopping) leaves no
/// open transaction behind: the connection goes back to the pool rolled back, so the next
/// borrower's statements neither run in the cancelled work's transaction — committing its writes
/// with their own — nor wait on its locks.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresTransactionCancellationTests {
    typealias F = StoreFixtures

    /// Where the cancellation falls: while the body awaits something else, or inside a query.
    enum Moment: String, CaseIterable, Sendable { case betweenStatements, inAQuery }

    @Test(arguments: Moment.allCases) func aTransactionCancelledMidBodyLeavesNoOpenTransactionNorWrite(_ moment: Moment) async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let store = try await PostgresStore.open(settings, daemonID: "cancelled-daemon", logger: PostgresTestDatabase.logger)
            let observer = try await PostgresStore.open(settings, daemonID: "observer", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                try await store.registerCreditor(F.creditor, language: nil, at: F.time)
                let (started, startedNow) = AsyncStream.makeStream(of: Void.self)
                let work = Task {
                    try await store.unfencedTransaction { connection in
                        try await PostgresStore.append(NewEvent(time: F.time, kind: "test.cancelled", creditor: F.creditor, summary: "cancelled"),
                                                       on: connection, logger: store.logger)
                        // Holds the creditor's row until the transaction ends.
                        try await connection.query("SELECT 1 FROM creditor WHERE id = \(F.creditor.rawValue) FOR UPDATE", logger: store.logger)
                        startedNow.yield()
                        switch moment {
                        case .betweenStatements:
                            try await Task.sleep(for: .seconds(120))
                        case .inAQuery:
                            for try await _ in try await connection.query("SELECT pg_sleep(2)", logger: store.logger) {}
                            try Task.checkCancellation()
                        }
                    }
                }
                for await _ in started { break }
                work.cancel()
                _ = await work.result
                #expect(try await Self.sessionsInATransaction(observer) == [], "a session left in the cancelled work's transaction")
                // The next borrowers: a write of their own, committed, and one that needs the row it locked.
                try await store.record(NewEvent(time: F.time, kind: "test.cancelled", creditor: F.creditor, summary: "next"))
                try await store.unfencedTransaction { connection in
                    try await connection.query("SELECT 1 FROM creditor WHERE id = \(F.creditor.rawValue) FOR UPDATE NOWAIT", logger: store.logger)
                }
                let written = try await observer.events(of: F.creditor, kinds: ["test.cancelled"], since: F.time).map(\.event.summary)
                #expect(written == ["next"], "the cancelled work's write must not be committed with the next one")
            }
            await store.close()
            await observer.close()
            try outcome.get()
        }
    }

    /// The sessions of this database idle inside a transaction: `application_name (state)`.
    static func sessionsInATransaction(_ observer: PostgresStore) async throws -> [String] {
        try await observer.connection { connection in
            var sessions: [String] = []
            for try await (name, state) in try await connection.query("""
                SELECT coalesce(application_name, ''), state FROM pg_stat_activity
                WHERE datname = current_database() AND state LIKE 'idle in transaction%'
                """, logger: observer.logger).decode((String, String).self) {
                sessions.append("\(name) (\(state))")
            }
            return sessions
        }
    }
}
