import Foundation
public import Logging
import PostgresNIO
public import RelanceCore

/// The PostgreSQL store: a pool of connections (PostgresNIO's client, which reconnects by
/// itself when the server comes back) and the operations several daemons share. Opening it
/// migrates the schema; close it when done.
///
/// Every port of the store is here (issue 16): imports, the outbox with claims several daemons
/// share, inbound mail, people's tasks and outcomes, the bank, the console's pages, leases with
/// fencing tokens and daemon heartbeats.
public final class PostgresStore: ClosableStore {
    let client: PostgresClient
    private let running: Task<Void, Never>
    let logger: Logger
    /// This daemon, as it appears in claims, leases and `relance status`: `host:pid:random`.
    public let daemonID: String
    public let settings: PostgresStoreSettings
    /// Whether the server answers: an outage is logged once with its address, a cut query fails
    /// with `connectionLost` (the services try again soon), and the return is noted.
    let outage: PostgresOutage

    private init(client: PostgresClient, running: Task<Void, Never>, logger: Logger, daemonID: String,
                 settings: PostgresStoreSettings, outage: PostgresOutage) {
        self.client = client
        self.running = running
        self.logger = logger
        self.daemonID = daemonID
        self.settings = settings
        self.outage = outage
    }

    /// Connects (a first connection says at once what is wrong when none can be made: `reach`),
    /// then brings the schema up to date (or refuses a database migrated by a newer Relance). `daemonID` must be unique among the daemons sharing the database.
    /// `runningOn`: the executor the pool's own loop runs on, which hands out every connection
    /// (nil: the shared cooperative pool). Tests that watch daemons by the clock give it a thread
    /// of its own: a pool loop waiting for a free cooperative thread lends no connection, and a
    /// test run blocks those threads (a fresh-clone run saw an observer's first query answered
    /// after the whole batch had left).
    public static func open(_ settings: PostgresStoreSettings, daemonID: String = PostgresStore.newDaemonID(),
                            logger: Logger = Logger(label: "relance.postgres"),
                            runningOn executor: (any TaskExecutor)? = nil) async throws -> PostgresStore {
        guard !daemonID.isEmpty, daemonID.count <= 200, !daemonID.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value > 0x7E }) else {
            throw PostgresStoreError(.invalidSettings, "the daemon id must be 1–200 printable ASCII characters without space",
                                     context: ["daemon": daemonID.printableForError])
        }
        try await reach(settings, logger: logger)
        var redacted = settings
        redacted.password = nil
        let outage = PostgresOutage(server: "\(settings.host):\(settings.port)", logger: logger)
        let client = PostgresClient(configuration: try settings.clientConfiguration(applicationName: "relance \(daemonID)"),
                                    backgroundLogger: logger.hearingPoolFailures(for: outage))
        // Started immediately: `run()` marks the client running before its first suspension, so
        // the migrator's first lease does not find it idle (PostgresNIO then warns on stderr).
        let running = Task.immediate(executorPreference: executor) { await client.run() }
        let store = PostgresStore(client: client, running: running, logger: logger, daemonID: daemonID, settings: redacted, outage: outage)
        do {
            try await PostgresMigrator.migrate(store)
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// How long closing waits for the pool. Its run loop has been seen not to end, once, after a
    /// server restart cut a query in flight (PostgresNIO): a daemon asked to stop must stop all the
    /// same, before systemd's `TimeoutStopSec` kills it.
    public static let closingLimit: Duration = .seconds(5)

    /// Closes every connection of the pool, or gives up after `closingLimit` with a warning: the
    /// process is about to exit, and the kernel closes what the pool could not.
    public func close() async {
        running.cancel()
        if await !BoundedWait.finished(running, within: Self.closingLimit) {
            logger.warning("the PostgreSQL connection pool did not close within \(Self.closingLimit); stopping without it",
                           metadata: ["server": "\(outage.server)"])
        }
    }

    /// `host:pid:random`: readable in `relance status`, unique even for a pid reused after a restart.
    public static func newDaemonID() -> String {
        let host = ProcessInfo.processInfo.hostName.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != ":" }
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(String(String.UnicodeScalarView(host.prefix(120)))):\(ProcessInfo.processInfo.processIdentifier):\(suffix)"
    }

    /// Runs `body` in one transaction: all of it commits, or none of it. Under a lease
    /// (`WorkLease.current`: a daemon's intake, planning, mailbox, digest or retention), the
    /// transaction first checks that the lease is still this daemon's and commits nothing when it
    /// is not: a daemon paused past its lease cannot apply stale work (`fenced(by:)`).
    @discardableResult
    func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        if let lease = WorkLease.current { return try await fenced(by: lease, body) }
        return try await unfencedTransaction(body)
    }

    /// A transaction that does not look at the current lease: the fence's own, and reads.
    @discardableResult
    func unfencedTransaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await outage.watching {
            try await withLiveConnection { connection in try await Self.transaction(on: connection, logger: logger, body) }
        }
    }

    /// BEGIN, `body`, COMMIT — or ROLLBACK when `body` fails (`rollBack`), except on a connection
    /// the server cut (a restart, a terminated session): the server rolled the transaction back
    /// already, and a ROLLBACK written to the dying connection could wait forever (PostgresNIO
    /// 1.33.2's `withTransaction` did, for about half the sessions ended in the middle of a
    /// transaction — a daemon's service then never ticked again, nor stopped; see
    /// `withLiveConnection`). The body's own error is thrown (a refused lease, a constraint), not a wrapper.
    static func transaction<Result: Sendable>(on connection: PostgresConnection, logger: Logger,
                                              isolation: isolated (any Actor)? = #isolation,
                                              _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await connection.liveQuery("BEGIN;", logger: logger)
        let result: Result
        do {
            result = try await body(connection)
        } catch {
            if !connection.isClosed && !PostgresOutage.isLostConnection(error) {
                await rollBack(connection, logger: logger)
            }
            throw error
        }
        try await connection.liveQuery("COMMIT;", logger: logger)
        return result
    }

    /// Runs `body` in one read-only transaction that sees a single snapshot of the book
    /// (REPEATABLE READ): reads that must agree with each other — a plan's facts, a page's rows
    /// and their sums — never mix a write made between two of them.
    /// Not fenced: it writes nothing, and its first statement must set the isolation level.
    func readSnapshot<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await unfencedTransaction { connection in
            try await connection.liveQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            return try await body(connection)
        }
    }

    /// Runs `body` on one connection, outside any explicit transaction (each statement its own)
    /// — except under a lease, where it runs in a fenced transaction like every other write.
    @discardableResult
    func connection<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        if let lease = WorkLease.current { return try await fenced(by: lease, body) }
        return try await outage.watching { try await withLiveConnection { connection in try await body(connection) } }
    }
}
