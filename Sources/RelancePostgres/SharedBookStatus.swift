public import Foundation

/// What the daemons sharing one PostgreSQL book are doing, read in one transaction for
/// `relance status`: who beats, who holds which lease, who is sending what. Times are the
/// database's, with its clock at the moment of reading, so ages never mix two machines' clocks.
public struct SharedBookStatus: Sendable, Hashable {
    /// A lease's row: the current (or last) holder and until when.
    public struct Lease: Sendable, Hashable {
        public var name: String
        public var holder: String
        public var token: Int64
        public var acquiredAt: Date
        public var expiresAt: Date

        public init(name: String, holder: String, token: Int64, acquiredAt: Date, expiresAt: Date) {
            self.name = name
            self.holder = holder
            self.token = token
            self.acquiredAt = acquiredAt
            self.expiresAt = expiresAt
        }
    }

    /// A daemon's messages being sent: claims still leased, and claims past their lease (their
    /// claimer presumed dead: recovery will look for evidence before anything is sent again).
    public struct Claims: Sendable, Hashable {
        public var live: Int
        public var expired: Int

        public init(live: Int, expired: Int) {
            self.live = live
            self.expired = expired
        }
    }

    /// The database's clock when the status was read.
    public var databaseNow: Date
    /// Most recent heartbeat first.
    public var daemons: [DaemonHeartbeat]
    /// By name.
    public var leases: [Lease]
    /// Messages being sent, by the daemon that claimed them.
    public var claims: [String: Claims]

    public init(databaseNow: Date, daemons: [DaemonHeartbeat], leases: [Lease], claims: [String: Claims]) {
        self.databaseNow = databaseNow
        self.daemons = daemons
        self.leases = leases
        self.claims = claims
    }

}
