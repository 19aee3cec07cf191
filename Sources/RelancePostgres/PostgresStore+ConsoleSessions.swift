public import Foundation
import PostgresNIO
public import RelanceCore

/// `console_session`: the SHA-256 of each cookie's token (never the token), its form token, the
/// user and the expiry, shared by every daemon, so a person's session survives the console being
/// served by another daemon of the book.
extension PostgresStore: ConsoleSessionStore {
    public func openConsoleSession(_ session: StoredConsoleSession, at time: Date) async throws {
        try await transaction { connection in
            try await connection.liveQuery("DELETE FROM console_session WHERE expires_at <= \(time)", logger: logger)
            try await connection.liveQuery("""
                INSERT INTO console_session (token_sha256, user_name, csrf, created_at, expires_at)
                VALUES (\(session.tokenSHA256), \(session.userName), \(session.csrf), \(time), \(session.expiresAt))
                """, logger: logger)
        }
    }

    public func consoleSession(tokenSHA256: String, now: Date) async throws -> StoredConsoleSession? {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT token_sha256, user_name, csrf, expires_at FROM console_session
                WHERE token_sha256 = \(tokenSHA256) AND expires_at > \(now)
                """, logger: logger)
            for try await (hash, user, csrf, expiresAt) in rows.decode((String, String, String, Date).self) {
                return StoredConsoleSession(tokenSHA256: hash, userName: user, csrf: csrf, expiresAt: expiresAt)
            }
            return nil
        }
    }

    public func extendConsoleSession(tokenSHA256: String, until: Date) async throws {
        try await connection { connection in
            // Never shortens: two daemons extending the same session keep the later expiry.
            try await connection.liveQuery("""
                UPDATE console_session SET expires_at = \(until) WHERE token_sha256 = \(tokenSHA256) AND expires_at < \(until)
                """, logger: logger)
        }
    }

    public func closeConsoleSession(tokenSHA256: String) async throws {
        try await connection { connection in
            try await connection.liveQuery("DELETE FROM console_session WHERE token_sha256 = \(tokenSHA256)", logger: logger)
        }
    }
}
