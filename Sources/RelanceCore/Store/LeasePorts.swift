public import Foundation

/// A lease on work that must run once among several daemons (a creditor's intake, a day's
/// planning, one mailbox, the digest, retention), with a fencing token: every acquisition gets
/// a token greater than all before it, and a write made under a lease is refused once the token
/// is no longer the current one, so a daemon paused past its lease cannot apply stale work.
public struct LeaseGrant: Sendable, Hashable {
    public var name: String
    /// The daemon holding it.
    public var holder: String
    public var token: Int64
    /// By the database's clock, the one clock every daemon shares.
    public var expiresAt: Date

    public init(name: String, holder: String, token: Int64, expiresAt: Date) {
        self.name = name
        self.holder = holder
        self.token = token
        self.expiresAt = expiresAt
    }
}

/// Leases, and the writes they fence. Only the PostgreSQL store has them: one SQLite file has
/// one daemon (its lock file sees to that).
public protocol LeaseStore: Sendable {
    /// How long the leases of this book's work last without renewal (its settings).
    var leaseDuration: Duration { get }
    /// Takes the lease for this daemon, nil while another holder's (or this one's) is live.
    func acquireLease(_ name: String, for duration: Duration) async throws -> LeaseGrant?
    /// Extends a live lease; nil when it is no longer this grant's (expired, taken, released):
    /// the work under it must stop.
    func renewLease(_ grant: LeaseGrant, for duration: Duration) async throws -> LeaseGrant?
    /// Lets another daemon take it at once. The token is kept, so the next one is greater.
    func releaseLease(_ grant: LeaseGrant) async throws
    /// Appends events only while `lease` is current, in one transaction; throws, writing
    /// nothing, when another acquisition (or expiry) made it stale.
    func record(_ events: [NewEvent], fencedBy lease: LeaseGrant) async throws
}

/// The lease the current task works under, if any. A store whose book several daemons share
/// (PostgreSQL) checks it at the start of every transaction the task opens and writes nothing
/// once it is stale; so every write of leased work is fenced without each port carrying a token.
/// Bound by `LeasedWork` for the work's body only (child tasks inherit it; the lease's own
/// renewals run outside it).
public enum WorkLease {
    @TaskLocal public static var current: LeaseGrant?
}

/// Daemons sharing a book say they are alive, for `relance status` (the PostgreSQL store; one
/// SQLite file has one daemon, and its status file says the rest).
public protocol DaemonPresenceStore: Sendable {
    /// Records (or refreshes) this daemon's row: at start, then every few seconds.
    func heartbeat(version: String) async throws
}

/// A store holding resources to let go when a command ends (PostgreSQL's connection pool); the
/// SQLite store closes with the process.
public protocol ClosableStore: Sendable {
    func close() async
}
