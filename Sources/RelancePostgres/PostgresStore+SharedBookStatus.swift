import Foundation
import PostgresNIO

extension PostgresStore {
    /// The daemons, leases and claims of the shared book, read in one snapshot with the
    /// database's clock (for `relance status`; reads only).
    public func sharedBookStatus() async throws -> SharedBookStatus {
        try await readSnapshot { connection in
            var now = Date()
            for try await clock in try await connection.liveQuery("SELECT clock_timestamp()", logger: logger).decode(Date.self) { now = clock }
            let daemons = try await Self.daemons(on: connection, logger: logger)
            var leases: [SharedBookStatus.Lease] = []
            let leaseRows = try await connection.liveQuery(
                "SELECT name, holder, token, acquired_at, expires_at FROM lease ORDER BY name", logger: logger)
            for try await (name, holder, token, acquired, expires) in leaseRows.decode((String, String, Int64, Date, Date).self) {
                leases.append(.init(name: name, holder: holder, token: token, acquiredAt: acquired, expiresAt: expires))
            }
            var claims: [String: SharedBookStatus.Claims] = [:]
            let claimRows = try await connection.liveQuery("""
                SELECT claimed_by, count(*) FILTER (WHERE claim_expires_at > clock_timestamp()),
                       count(*) FILTER (WHERE claim_expires_at <= clock_timestamp())
                FROM message WHERE state = 'sending' GROUP BY claimed_by
                """, logger: logger)
            for try await (holder, live, expired) in claimRows.decode((String, Int, Int).self) {
                claims[holder] = .init(live: live, expired: expired)
            }
            return SharedBookStatus(databaseNow: now, daemons: daemons, leases: leases, claims: claims)
        }
    }
}
