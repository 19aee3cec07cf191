import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Synchronization
import Testing

/// A query cut by the server (its session ended, as a restart ends every session) fails with an
/// error that names the server and says it is an outage — which the daemon's services try again
/// within seconds — and the store goes on with a new connection. Cut inside a transaction too:
/// PostgresNIO's `withTransaction` then sent a ROLLBACK on the dying connection that waited
/// forever about every other time (7 of 15 here), and the daemon's service with it; and the first
/// query after the cut, lent the cut connection before the pool knew it closed, waited forever
/// about one run in four (`withLiveConnection`).
/// (The whole restart, with the daemons, is IntegrationTests' SharedBookDaemonsTests+PostgresRestart.)
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresConnectionLossTests {
    enum Place: String, CaseIterable, Sendable { case statement, transaction }

    @Test(arguments: Place.allCases) func aQueryCutByTheServerFailsAsAnOutageNamingTheServerAndTheStoreGoesOn(_ place: Place) async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let store = try await PostgresStore.open(settings, daemonID: "cut-daemon", logger: PostgresTestDatabase.logger)
            let other = try await PostgresStore.open(settings, daemonID: "other-daemon", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                for round in 1...20 {
                    let long = Task {
                        try await Self.sleepOnTheServer(store, in: place)
                    }
                    try await Self.endTheSleepingSession(other)
                    guard await Self.ends(long) else {
                        Issue.record("round \(round): the cut \(place) still waits 20 s later")
                        return
                    }
                    guard case .failure(let error) = await long.result, let error = error as? PostgresStoreError else {
                        Issue.record("round \(round): the cut query did not fail with the store's error: \(await long.result)")
                        return
                    }
                    #expect(error.code == .connectionLost && error.isStoreOutage)
                    #expect(error.description.contains("\(settings.host):\(settings.port)") && error.description.contains("57P01"), "\(error)")
                    // The pool replaces the lost connection by itself (a query that drew a
                    // connection the cut had not closed yet is an outage too: asked again). Asked
                    // at once: the cut connection, given back to the pool before the pool knew it
                    // closed, was lent to this query, which then waited forever (withLiveConnection).
                    let asking = Task {
                        var answer: [OutboxState: Int]?
                        for _ in 0..<20 where answer == nil {
                            do { answer = try await store.outboxCounts() } catch let error as PostgresStoreError where error.isStoreOutage {
                                try await Task.sleep(for: .milliseconds(100))
                            }
                        }
                        return answer
                    }
                    guard await Self.ends(asking) else {
                        Issue.record("round \(round): the first query after the cut \(place) still waits 20 s later")
                        return
                    }
                    #expect(try await asking.value == [:], "round \(round): the store does not answer again")
                }
            }
            await store.close()
            await other.close()
            try outcome.get()
        }
    }

    /// PostgresNIO 1.33.2 never answers a query written to a closed connection (its `query`
    /// waits forever: seen, and it is how a daemon's sender stayed stuck after a server restart).
    /// Through the store, it fails at once as an outage; and a connection closed while queries
    /// stream on it — so that one may be written in the very turn of the close — fails them as an
    /// outage too, never a wait: `liveQuery` gives up on a query whose connection has closed.
    @Test(arguments: [false, true]) func aQueryOnAClosedConnectionFailsAsAnOutageInsteadOfWaiting(_ whileStreaming: Bool) async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let store = try await PostgresStore.open(settings, daemonID: "closing-daemon", logger: PostgresTestDatabase.logger)
            let logger = PostgresTestDatabase.logger
            let outcome = await Result { () async throws in
                for round in 0..<(whileStreaming ? 20 : 1) {
                    let asking = Task {
                        try await store.unfencedTransaction { connection in
                            if whileStreaming {
                                Task { try? await Task.sleep(for: .microseconds(200 * round)); try? await connection.close() }
                                while true { for try await _ in try await connection.liveQuery("SELECT 1", logger: logger) {} }
                            } else {
                                try await connection.close()
                                try await connection.liveQuery("SELECT 1", logger: logger)
                            }
                        }
                    }
                    guard await Self.ends(asking) else {
                        Issue.record("round \(round): the query on the closed connection still waits 20 s later")
                        return
                    }
                    guard case .failure(let error) = await asking.result, let error = error as? PostgresStoreError else {
                        Issue.record("round \(round): the query did not fail with the store's error: \(await asking.result)")
                        return
                    }
                    #expect(error.code == .connectionLost && error.isStoreOutage, "\(error)")
                    #expect(try await store.outboxCounts() == [:], "round \(round): the store does not answer again")
                }
            }
            await store.close()
            try outcome.get()
        }
    }

    /// The guard above holds only if no statement bypasses it: a raw `query` is PostgresNIO's
    /// wait-forever on a closed connection again.
    @Test func everyStatementOfTheStoreGoesThroughLiveQuery() throws {
        let sources = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "Sources/RelancePostgres")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.lastPathComponent.contains("LiveQuery") }
        #expect(files.count > 50, "the store's sources were not found at \(sources.path)")
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.contains(".query(") {
                Issue.record("\(file.lastPathComponent):\(index + 1) runs a statement with PostgresNIO's own query; use liveQuery")
            }
        }
    }

    @Test func errorsOfTheQueryItselfAreNoOutage() {
        #expect(!PostgresOutage.isLostConnection(PostgresStoreError(.staleLease, "stale")))
        #expect(!PostgresStoreError(.staleLease, "stale").isStoreOutage)
        #expect(!PostgresOutage.isLostConnection(CancellationError()))
    }

    /// Whether `task` ends within 20 s: bounded, so that a hang fails the test instead of holding the run.
    static func ends<Value>(_ task: Task<Value, any Error>) async -> Bool {
        await BoundedWait.finished(Task { _ = await task.result }, within: .seconds(20))
    }

    /// A 30 s sleep on the server: alone, or in a transaction that locked a table first.
    static func sleepOnTheServer(_ store: PostgresStore, in place: Place) async throws {
        let logger = PostgresTestDatabase.logger
        switch place {
        case .statement:
            try await store.connection { connection in
                for try await _ in try await connection.query("SELECT pg_sleep(30)", logger: logger) {}
            }
        case .transaction:
            try await store.unfencedTransaction { connection in
                try await connection.query("LOCK TABLE message IN ACCESS EXCLUSIVE MODE", logger: logger)
                for try await _ in try await connection.query("SELECT pg_sleep(30)", logger: logger) {}
            }
        }
    }

    /// Ends the cut daemon's session once its sleep runs (the same role may end its own sessions).
    static func endTheSleepingSession(_ other: PostgresStore) async throws {
        for _ in 0..<200 {
            try await Task.sleep(for: .milliseconds(50))
            let ended = try await other.connection { connection in
                let rows = try await connection.query("""
                    SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE datname = current_database() AND application_name = 'relance cut-daemon' AND query LIKE 'SELECT pg_sleep%'
                    """, logger: PostgresTestDatabase.logger)
                var count = 0
                for try await value in rows.decode(Int.self) { count = value }
                return count
            }
            if ended == 1 { return }
        }
        Issue.record("the sleeping session never showed up")
    }
}
