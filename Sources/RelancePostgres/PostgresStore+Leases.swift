import Foundation
import PostgresNIO
public import RelanceCore

/// Leases with fencing tokens, timed by the database's clock (`clock_timestamp()`): the
/// daemons' own clocks may disagree, the database's is the one they share.
extension PostgresStore: LeaseStore {
    public var leaseDuration: Duration { settings.leaseDuration }

    public func acquireLease(_ name: String, for duration: Duration) async throws -> LeaseGrant? {
        try Self.checkLeaseName(name)
        return try await connection { connection in
            // A new row starts at token 1; taking over an expired or released one adds 1.
            let rows = try await connection.liveQuery("""
                INSERT INTO lease AS l (name, holder, token, acquired_at, expires_at)
                VALUES (\(name), \(daemonID), 1, clock_timestamp(), clock_timestamp() + make_interval(secs => \(Self.seconds(duration))))
                ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, token = l.token + 1,
                    acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at
                WHERE l.expires_at <= clock_timestamp()
                RETURNING token, expires_at
                """, logger: logger)
            for try await (token, expiresAt) in rows.decode((Int64, Date).self) {
                logger.debug("lease acquired", metadata: ["lease": "\(name)", "token": "\(token)"])
                return LeaseGrant(name: name, holder: daemonID, token: token, expiresAt: expiresAt)
            }
            return nil
        }
    }

    public func renewLease(_ grant: LeaseGrant, for duration: Duration) async throws -> LeaseGrant? {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                UPDATE lease SET expires_at = clock_timestamp() + make_interval(secs => \(Self.seconds(duration)))
                WHERE name = \(grant.name) AND holder = \(grant.holder) AND token = \(grant.token) AND expires_at > clock_timestamp()
                RETURNING expires_at
                """, logger: logger)
            for try await expiresAt in rows.decode(Date.self) {
                var renewed = grant
                renewed.expiresAt = expiresAt
                return renewed
            }
            return nil
        }
    }

    public func releaseLease(_ grant: LeaseGrant) async throws {
        try await connection { connection in
            try await connection.liveQuery("""
                UPDATE lease SET expires_at = LEAST(expires_at, clock_timestamp())
                WHERE name = \(grant.name) AND holder = \(grant.holder) AND token = \(grant.token)
                """, logger: logger)
        }
    }

    public func record(_ events: [NewEvent], fencedBy lease: LeaseGrant) async throws {
        try await fenced(by: lease) { connection in try await Self.append(events, on: connection, logger: logger) }
    }

    /// Runs `body` in one transaction that commits only while `lease` is current. The lease row
    /// is locked FOR SHARE first: an acquisition by another daemon (an UPDATE of that row)
    /// waits for this transaction to end, so no write of a stale holder lands after a newer
    /// holder began.
    func fenced<Result: Sendable>(by lease: LeaseGrant, _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await unfencedTransaction { connection in
            let rows = try await connection.liveQuery("""
                SELECT token, holder, expires_at > clock_timestamp() FROM lease WHERE name = \(lease.name) FOR SHARE
                """, logger: logger)
            var current: (Int64, String, Bool)?
            for try await row in rows.decode((Int64, String, Bool).self) { current = row }
            guard let (token, holder, live) = current, token == lease.token, holder == lease.holder, live else {
                let now = current.map { "token \($0.0) held by \($0.1)\($0.2 ? "" : ", expired")" } ?? "no such lease"
                logger.warning("write refused: stale lease", metadata: ["lease": "\(lease.name)", "token": "\(lease.token)", "current": "\(now)"])
                throw PostgresStoreError(.staleLease,
                    "lease \(lease.name) with token \(lease.token) is no longer current (\(now)): the work was taken over; nothing was written",
                    context: ["lease": lease.name, "token": "\(lease.token)"])
            }
            return try await body(connection)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    static func checkLeaseName(_ name: String) throws(PostgresStoreError) {
        guard !name.isEmpty, name.count <= 200, !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw PostgresStoreError(.invalidState, "a lease name must be 1–200 characters without control characters",
                                     context: ["lease": name.printableForError])
        }
    }
}
