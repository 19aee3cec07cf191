public import Foundation

/// A console session as the store keeps it: the SHA-256 of the cookie's token (never the token,
/// so a copy of the store signs nobody in), the form token, the user, and when it expires.
public struct StoredConsoleSession: Sendable, Hashable {
    public var tokenSHA256: String
    public var userName: String
    public var csrf: String
    public var expiresAt: Date

    public init(tokenSHA256: String, userName: String, csrf: String, expiresAt: Date) {
        self.tokenSHA256 = tokenSHA256
        self.userName = userName
        self.csrf = csrf
        self.expiresAt = expiresAt
    }
}

/// The console's sessions, kept across daemon restarts (v12-console-review).
public protocol ConsoleSessionStore: Sendable {
    /// Stores a new session, purging the expired ones in the same transaction.
    func openConsoleSession(_ session: StoredConsoleSession, at time: Date) async throws
    /// The session for a token's hash, nil when unknown or expired at `now`.
    func consoleSession(tokenSHA256: String, now: Date) async throws -> StoredConsoleSession?
    /// Moves the session's expiry (an idle timeout restarts on each request).
    func extendConsoleSession(tokenSHA256: String, until: Date) async throws
    func closeConsoleSession(tokenSHA256: String) async throws
}
