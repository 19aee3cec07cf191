import Crypto
import Foundation
import RelanceCore
import RelanceDaemon

/// A signed-in browser: a random token in an `HttpOnly` cookie, and the form token every POST
/// must carry. The user is read again from the store on each request, so removing a user or
/// changing their creditors takes effect at once.
struct ConsoleSession: Sendable, Hashable {
    let token: String
    let csrf: String
    let userName: String
}

/// Sessions live in the store (`console_session`): a daemon restart or a reload signs nobody out.
/// Only the SHA-256 of a token is stored, so the store file (or a backup of it) holds nothing a
/// browser could present. A session expires after `idle` without a request.
struct ConsoleSessions: Sendable {
    private let idle: TimeInterval
    private let current: @Sendable () async -> RelanceRuntime

    init(idleMinutes: Int, current: @escaping @Sendable () async -> RelanceRuntime) {
        idle = TimeInterval(idleMinutes * 60)
        self.current = current
    }

    func open(for userName: String, now: Date) async throws -> ConsoleSession {
        let session = ConsoleSession(token: Self.randomToken(), csrf: Self.randomToken(), userName: userName)
        try await current().store.openConsoleSession(StoredConsoleSession(
            tokenSHA256: Self.hash(session.token), userName: userName, csrf: session.csrf, expiresAt: now.addingTimeInterval(idle)), at: now)
        return session
    }

    /// The live session for a cookie's token, its idle clock restarted; nil when unknown or expired.
    func session(token: String, now: Date) async throws -> ConsoleSession? {
        let store = await current().store
        let hash = Self.hash(token)
        guard let stored = try await store.consoleSession(tokenSHA256: hash, now: now) else { return nil }
        // The expiry moves at most once a minute: not a write on every page.
        let renewed = now.addingTimeInterval(idle)
        if renewed.timeIntervalSince(stored.expiresAt) >= 60 { try await store.extendConsoleSession(tokenSHA256: hash, until: renewed) }
        return ConsoleSession(token: token, csrf: stored.csrf, userName: stored.userName)
    }

    func close(token: String) async throws {
        try await current().store.closeConsoleSession(tokenSHA256: Self.hash(token))
    }

    /// The stored form of a token: its SHA-256 in lowercase hex.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// 256 bits from the system's cryptographic generator, URL-safe base64 without padding.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Compares two tokens in time independent of where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
