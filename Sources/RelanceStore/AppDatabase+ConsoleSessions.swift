public import Foundation
import GRDB
public import RelanceCore

/// `console_session` (v12-console-review): a hash of each token, its form token, user and expiry.
extension AppDatabase: ConsoleSessionStore {
    public func openConsoleSession(_ session: StoredConsoleSession, at time: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM console_session WHERE expires_at <= ?", arguments: [time])
            try db.execute(sql: """
                INSERT INTO console_session (token_sha256, user_name, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [session.tokenSHA256, session.userName, session.csrf, time, session.expiresAt])
        }
    }

    public func consoleSession(tokenSHA256: String, now: Date) async throws -> StoredConsoleSession? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT token_sha256, user_name, csrf, expires_at FROM console_session WHERE token_sha256 = ? AND expires_at > ?
                """, arguments: [tokenSHA256, now]).map {
                StoredConsoleSession(tokenSHA256: $0["token_sha256"], userName: $0["user_name"], csrf: $0["csrf"], expiresAt: $0["expires_at"])
            }
        }
    }

    public func extendConsoleSession(tokenSHA256: String, until: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE console_session SET expires_at = ? WHERE token_sha256 = ? AND expires_at < ?",
                           arguments: [until, tokenSHA256, until])
        }
    }

    public func closeConsoleSession(tokenSHA256: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM console_session WHERE token_sha256 = ?", arguments: [tokenSHA256])
        }
    }
}
