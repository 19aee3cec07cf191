public import Logging
public import RelanceCore

/// Runs work that must run once among the daemons sharing a book — a creditor's intake,
/// planning, mailbox and digest, the retention purge — under a lease named for it.
///
/// On a shared book (PostgreSQL) the lease is taken first; while another daemon holds it the
/// work is skipped (that daemon is doing it). While the work runs, the lease is renewed every
/// third of its duration; a renewal refused (the daemon was paused or cut off past the lease and
/// another took over) cancels the work, and every transaction the work opens is fenced by the
/// lease's token anyway (`WorkLease`), so nothing stale is written. On the SQLite store there
/// are no leases: its lock file already makes this daemon the only one.
public struct LeasedWork: Sendable {
    let leases: (any LeaseStore)?
    let duration: Duration
    let logger: Logger

    public init(leases: (any LeaseStore)?, duration: Duration = .seconds(60), logger: Logger) {
        self.leases = leases
        self.duration = duration
        self.logger = logger
    }

    /// When to look again at work skipped because another daemon held its lease: by then that
    /// daemon has renewed it (it is alive) or it has expired.
    public var retryAfterSkip: Duration { duration / 3 }

    /// Whether other daemons may share the book (and do this work in this one's place).
    public var isShared: Bool { leases != nil }

    /// The body's result, or nil when another daemon holds the lease.
    public func run<Result: Sendable>(_ name: LeaseName, _ body: @escaping @Sendable () async throws -> Result) async throws -> Result? {
        guard let leases else { return try await body() }
        guard let grant = try await leases.acquireLease(name.rawValue, for: duration) else {
            logger.debug("work left to the daemon holding its lease", metadata: ["lease": "\(name.rawValue)"])
            return nil
        }
        // Released whatever the outcome: a failed tick should not keep the others waiting for the expiry.
        let outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(try await runRenewing(grant, leases: leases, body))
        } catch {
            outcome = .failure(error)
        }
        try? await leases.releaseLease(grant)
        return try outcome.get()
    }

    private func runRenewing<Result: Sendable>(_ grant: LeaseGrant, leases: any LeaseStore,
                                               _ body: @escaping @Sendable () async throws -> Result) async throws -> Result {
        let duration = duration
        return try await withThrowingTaskGroup(of: Finished<Result>.self) { group in
            group.addTask { .body(try await WorkLease.$current.withValue(grant) { try await body() }) }
            group.addTask {
                var current = grant
                while true {
                    try await Task.sleep(for: duration / 3)
                    guard let renewed = try await leases.renewLease(current, for: duration) else {
                        throw LeaseLost(lease: grant.name, token: grant.token)
                    }
                    current = renewed
                }
            }
            defer { group.cancelAll() }
            while let finished = try await group.next() {
                if case .body(let result) = finished { return result }
            }
            throw CancellationError()
        }
    }

    private enum Finished<Value: Sendable>: Sendable {
        case body(Value)
    }
}

/// The lease was taken over while its work ran: the work was cancelled and wrote nothing after.
public struct LeaseLost: Error, Sendable, Hashable, CustomStringConvertible {
    public var lease: String
    public var token: Int64

    public var description: String {
        "lease \(lease) (token \(token)) could not be renewed: another daemon took the work over; this one stopped it"
    }
}
