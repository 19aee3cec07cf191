public import Foundation
import PostgresNIO
public import RelanceCore

/// A daemon as the shared database sees it (for `relance status`).
public struct DaemonHeartbeat: Sendable, Hashable {
    public var id: String
    public var host: String
    public var pid: Int64
    public var version: String
    public var startedAt: Date
    public var heartbeatAt: Date

    public init(id: String, host: String, pid: Int64, version: String, startedAt: Date, heartbeatAt: Date) {
        self.id = id
        self.host = host
        self.pid = pid
        self.version = version
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
    }
}

extension PostgresStore: DaemonPresenceStore {
    /// Records (or refreshes) this daemon's row; call it at start and then every few seconds.
    public func heartbeat(version: String) async throws {
        let host = String(ProcessInfo.processInfo.hostName.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
            .prefix(255).map(Character.init))
        let pid = Int64(ProcessInfo.processInfo.processIdentifier)
        try await connection { connection in
            try await connection.liveQuery("""
                INSERT INTO daemon AS d (id, host, pid, version, started_at, heartbeat_at)
                VALUES (\(daemonID), \(host.isEmpty ? "unknown" : host), \(pid), \(version), clock_timestamp(), clock_timestamp())
                ON CONFLICT (id) DO UPDATE SET heartbeat_at = clock_timestamp(), version = EXCLUDED.version
                """, logger: logger)
        }
    }

    /// Every daemon that ever beat, most recent first.
    public func daemons() async throws -> [DaemonHeartbeat] {
        try await connection { connection in try await Self.daemons(on: connection, logger: logger) }
    }

    static func daemons(on connection: PostgresConnection, logger: Logger) async throws -> [DaemonHeartbeat] {
        var daemons: [DaemonHeartbeat] = []
        let rows = try await connection.liveQuery(
            "SELECT id, host, pid, version, started_at, heartbeat_at FROM daemon ORDER BY heartbeat_at DESC, id", logger: logger)
        for try await (id, host, pid, version, started, beat) in rows.decode((String, String, Int64, String, Date, Date).self) {
            daemons.append(DaemonHeartbeat(id: id, host: host, pid: pid, version: version, startedAt: started, heartbeatAt: beat))
        }
        return daemons
    }

    /// Makes sure the creditor exists, in its language (the SQLite store's `registerCreditor`).
    public func registerCreditor(_ creditor: CreditorID, language: Language?, at time: Date) async throws {
        try await transaction { connection in
            let inserted = try await connection.liveQuery("""
                INSERT INTO creditor (id, created_at, language) VALUES (\(creditor.rawValue), \(time), \(language?.rawValue))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """, logger: logger)
            var isNew = false
            for try await _ in inserted { isNew = true }
            if isNew {
                try await Self.append(NewEvent(time: time, kind: "creditor.registered", creditor: creditor,
                                               summary: (language ?? .english).wording.creditorRegistered(creditor.rawValue)),
                                      on: connection, logger: logger)
            } else if let language {
                try await connection.liveQuery("""
                    UPDATE creditor SET language = \(language.rawValue) WHERE id = \(creditor.rawValue)
                    AND language IS DISTINCT FROM \(language.rawValue)
                    """, logger: logger)
            }
        }
    }
}
