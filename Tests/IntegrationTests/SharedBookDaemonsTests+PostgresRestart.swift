import Foundation
import RelanceCore
import PostgresNIO
@testable import RelancePostgres
import RelancePostgresTesting
import RelanceTesting
import Testing

/// PostgreSQL restarted while three `relance run` daemons share its book and send through the
/// real Postfix/Dovecot (issue #16): once with `pg_ctl -m fast restart` (every session cut, the
/// server back at once), once stopped for 15 s — longer than the daemons' leases (6 s) and claims
/// (10 s) — then started again. The daemons wait and go on: each reminder queued once and
/// delivered once, the file applied once, every daemon alive and beating after the outage, and
/// what they logged meanwhile names the server, without a crash or a loop of failures.
/// The cluster is a private one (scripts/postgres-scratch.sh): the shared one serves other tests.
/// In SharedBookDaemonsTests' serialized suite: its daemons share the mailboxes (t41 polled for
/// bounces, emptied at the start) and must not run beside these.
extension SharedBookDaemonsTests {
    @Test func daemonsWaitThroughARestartAndAnOutageAndDeliverEachReminderOnce() async throws {
        let stack = try MailStack.require()
        // The restart, the outage and their checks follow the daemons' progress: decided on a
        // thread of their own, not when the cooperative pool, busy with other tests, has one free.
        try await withTaskExecutorPreference(Self.killer) {
            try await ScratchPostgres.withCluster { cluster in
                let settings = try cluster.settings()
                // 3 daemons at 40 a minute each: 45 s of sending or more, in which both cuts fall. (With
                // 45 reminders, a fresh-clone run once found 44 sent when the outage began.)
                let reminders = 90
                let fixture = try SharedBookFixture(stack: stack, settings: settings, customers: reminders, perMinute: 40, leaseSeconds: 6)
                // The observer first, so that it watches from the daemons' first reminder: opened
                // after them, it once waited behind their start (migrations, the first import) on a
                // loaded machine until all 90 had left, and the restart fell after the sending.
                let observer = try await PostgresStore.open(settings, daemonID: "observer", logger: PostgresTestDatabase.logger, runningOn: Self.killer)
                // At info: a daemon's services each say when they stop (a hang at SIGTERM shows which).
                let daemons = try (0..<3).map { try fixture.startDaemon(index: $0, arguments: ["--log-level", "info"]) }
                let daemonsStarted = ContinuousClock.now
                var sentAtRestart = 0, sentAfterRestart = 0, sentAtStop = 0, waitingAtRestart = 0, waitingOnTheOutbox = 0
                var goingOnAfter = Duration.zero, lockerEnded = true, firstLook = Duration.zero, locked = Duration.zero
                var beatsAfterOutage: [Int64: Date] = [:]
                do {
                    try await Self.waitUntil(atMost: .seconds(90)) { try await Self.sent(observer) >= 3 }
                    sentAtRestart = try await Self.sent(observer)
                    firstLook = ContinuousClock.now - daemonsStarted
                    // The restart cuts queries in flight: the outbox (`message`) and the heartbeats
                    // locked meanwhile, so that each daemon's sender waits on a query when it comes.
                    let locker = try await PostgresStore.open(settings, daemonID: "locker", logger: PostgresTestDatabase.logger, runningOn: Self.killer)
                    let lock = Task(executorPreference: Self.killer) {
                        try await locker.unfencedTransaction { connection in
                            try await connection.query("LOCK TABLE message, daemon IN ACCESS EXCLUSIVE MODE", logger: PostgresTestDatabase.logger)
                            // Until the restart cuts it.
                            for try await _ in try await connection.query("SELECT pg_sleep(120)", logger: PostgresTestDatabase.logger) {}
                        }
                    }
                    try await Self.waitUntil(atMost: .seconds(30)) {
                        let waiting = try await Self.daemonsWaitingOnALock(observer)
                        return waiting.all == daemons.count && waiting.onTheOutbox > 0
                    }
                    let waiting = try await Self.daemonsWaitingOnALock(observer)
                    (waitingAtRestart, waitingOnTheOutbox) = (waiting.all, waiting.onTheOutbox)
                    if waitingAtRestart != daemons.count || waitingOnTheOutbox == 0 {
                        let sessions = try await observer.connection { connection in
                            var lines: [String] = []
                            for try await (name, wait, state, query) in try await connection.query("""
                                SELECT coalesce(application_name, ''), coalesce(wait_event_type, ''), coalesce(state, ''), left(coalesce(query, ''), 80) FROM pg_stat_activity
                                """, logger: PostgresTestDatabase.logger).decode((String, String, String, String).self) {
                                lines.append("\(name) | \(wait) | \(state) | \(query)")
                            }
                            return lines
                        }
                        Issue.record("the sessions when the server restarted: \(sessions.joined(separator: "\n"))")
                    }
                    locked = ContinuousClock.now - daemonsStarted
                    try cluster.restart()
                    let restarted = ContinuousClock.now
                    // They go on after the restart before the longer outage begins. The locker is
                    // not awaited first: its client may learn of the cut late (PostgresNIO), while
                    // the daemons, their lock gone with the server, send on — a fresh-clone run under
                    // load found all 90 sent by the time it had.
                    try await Self.waitUntil(atMost: .seconds(60)) { try await Self.sent(observer) >= sentAtRestart + 4 }
                    sentAfterRestart = try await Self.sent(observer)
                    goingOnAfter = ContinuousClock.now - restarted
                    lock.cancel()
                    lockerEnded = await BoundedWait.finished(lock, within: .seconds(10))
                    await locker.close()
                    sentAtStop = sentAfterRestart
                    try cluster.stop()
                    try await Task.sleep(for: .seconds(15))
                    try cluster.start()
                    // The observer's own beat, once the server answers: the database's time after the outage.
                    var back = Date.distantFuture
                    try await Self.waitUntil(atMost: .seconds(60)) {
                        try await observer.heartbeat(version: "test")
                        back = try await observer.daemons().first { $0.id == "observer" }?.heartbeatAt ?? .distantFuture
                        return true
                    }

                    try await SharedBookFixture.waitUntilAllSent(reminders, observer: observer, atMost: .seconds(240))
                    let pids = Set(daemons.map { Int64($0.processIdentifier) })
                    try await Self.waitUntil(atMost: .seconds(60)) {
                        beatsAfterOutage = Dictionary(try await observer.daemons().filter { pids.contains($0.pid) && $0.heartbeatAt > back }
                            .map { ($0.pid, $0.heartbeatAt) }, uniquingKeysWith: max)
                        return beatsAfterOutage.count == daemons.count
                    }
                } catch {
                    for daemon in daemons { kill(daemon.processIdentifier, SIGKILL) }
                    await observer.close()
                    throw error
                }
                // Alive: not ended (waitpid reaps one that did; -1 when Foundation reaped it already).
                var status: Int32 = 0
                let alive = daemons.map { waitpid($0.processIdentifier, &status, WNOHANG) == 0 }
                let hungAtStop = SharedBookFixture.stop(daemons)
                let outcome = try await fixture.outcome(observer: observer)
                await observer.close()
                let logs = try (0..<daemons.count).map { try fixture.workspace.read("logs/daemon-\($0).log") }
                // The workspace goes with the test: what went wrong is in the messages, and
                // RELANCE_KEEP_LOGS=DIR keeps the daemons' logs for reading.
                if let keep = ProcessInfo.processInfo.environment["RELANCE_KEEP_LOGS"] {
                    for (index, log) in logs.enumerated() { try? log.write(toFile: "\(keep)/daemon-\(index).log", atomically: true, encoding: .utf8) }
                }
                let notable = logs.flatMap { $0.split(separator: "\n").filter { !$0.contains(" info ") || $0.contains("service stopped") } }
                let said = "what the daemons said: \(notable.prefix(60).joined(separator: "\n"))"

                #expect(sentAtStop < reminders - 5, """
                    the outage fell after the sending (\(sentAtStop) sent, \(sentAtRestart) seen \(firstLook) after the daemons started, the \
                    restart \(locked) after it, \(sentAfterRestart) seen \(goingOnAfter) \
                    after it; the locker's client \(lockerEnded ? "ended" : "still waiting 10 s after that")): it proved nothing
                    """)
                #expect(waitingAtRestart == daemons.count && waitingOnTheOutbox > 0,
                        "daemons waiting on a query when the server restarted: \(waitingAtRestart), on the outbox: \(waitingOnTheOutbox)")
                #expect(sentAfterRestart >= sentAtRestart + 4, "sent at the restart: \(sentAtRestart), a minute after: \(sentAfterRestart); \(said)")
                #expect(alive == [true, true, true], "a daemon died: \(alive); \(said)")
                #expect(hungAtStop.isEmpty, "daemons still running 90 s after SIGTERM: \(hungAtStop); \(said)")
                #expect(beatsAfterOutage.count == daemons.count, "daemons beating after the outage: \(beatsAfterOutage); \(said)")
                #expect(outcome.counts == [.sent: reminders], "outbox: \(outcome.counts); \(said)")
                #expect(outcome.queued.count == reminders && Set(outcome.queued).count == reminders,
                        "each reminder queued once: \(outcome.queued.count) queued, \(Set(outcome.queued).count) distinct")
                #expect(outcome.importsApplied == 1, "the dropped file applied \(outcome.importsApplied) times")
                #expect(outcome.filesLeftInDrop.isEmpty, "the file left the drop folder: \(outcome.filesLeftInDrop)")
                #expect(outcome.copies.count == reminders && outcome.copies.values.allSatisfy { $0 == 1 },
                        "copies per Message-ID not 1: \(outcome.copies.filter { $0.value != 1 })")

                // What they logged: the server named, by address, while it was away; no crash; and no
                // loop of failures (a busy loop on a lost connection writes thousands of lines).
                // Not every daemon sees its query cut by the restart: when the server ends the
                // locker's session before a waiting daemon's, the lock goes and that daemon's query
                // can commit before its own session is ended (a fresh-clone run saw it for two of the
                // three; the pool then reconnects without a word). The 15 s outage, longer than a
                // heartbeat's interval, is seen by every daemon.
                let server = "localhost:\(cluster.port)"
                #expect(logs.contains { $0.contains("lost the connection to the PostgreSQL server at \(server)") },
                        "no daemon said it lost its connection to \(server); \(said)")
                #expect(logs.allSatisfy { $0.contains("lost the connection to the PostgreSQL server at \(server)")
                            || ($0.contains("cannot reach the PostgreSQL server") && $0.contains("server=\(server)")) },
                        "a daemon said nothing of the restart nor of the outage of \(server); \(said)")
                #expect(logs.contains { $0.contains("cannot reach the PostgreSQL server") && $0.contains(server) },
                        "no daemon said it could not reach \(server); \(said)")
                for (index, log) in logs.enumerated() {
                    let failures = log.split(separator: "\n").filter { $0.contains("tick failed") }
                    #expect(failures.count < 60, "daemon \(index) logged \(failures.count) failed ticks; \(said)")
                    #expect(failures.allSatisfy { !$0.contains("PSQLError – Generic description") },
                            "daemon \(index) logged a PostgreSQL error that says nothing; \(said)")
                    #expect(!log.contains("Fatal error") && !log.contains("Crash"), "daemon \(index) crashed; \(said)")
                }
            }
        }
    }

    /// How many daemons have a query waiting for a lock (a heartbeat, a claim…), and how many a
    /// query on the outbox (`message`).
    static func daemonsWaitingOnALock(_ observer: PostgresStore) async throws -> (all: Int, onTheOutbox: Int) {
        try await observer.connection { connection in
            let rows = try await connection.query("""
                SELECT count(DISTINCT application_name), count(DISTINCT application_name) FILTER (WHERE query ILIKE '%message%')
                FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()
                AND application_name LIKE 'relance %' AND application_name NOT IN ('relance observer', 'relance locker')
                """, logger: PostgresTestDatabase.logger)
            var counts = (all: 0, onTheOutbox: 0)
            for try await (all, outbox) in rows.decode((Int, Int).self) { counts = (all, outbox) }
            return counts
        }
    }

    /// How many are sent; asked again when the observer's own connection was cut by the restart.
    static func sent(_ observer: PostgresStore) async throws -> Int {
        for _ in 1..<20 {
            if let counts = try? await observer.outboxCounts() { return counts[.sent] ?? 0 }
            try await Task.sleep(for: .milliseconds(500))
        }
        return try await observer.outboxCounts()[.sent] ?? 0
    }

    /// Polls `condition` until it holds or `wait` passes (the checks after it say what was
    /// missed); a condition that throws (the observer's connection cut by the restart) is asked again.
    static func waitUntil(atMost wait: Duration, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + wait
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}
