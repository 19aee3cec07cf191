import Foundation

/// A signed-in browser: a random token in an `HttpOnly` cookie, and the form token every POST
/// must carry. The user is read again from the store on each request, so removing a user or
/// changing their creditors takes effect at once.
struct ConsoleSession: Sendable, Hashable {
    let token: String
    let csrf: String
    let userName: String
    var lastSeen: Date
}

/// Sessions live in the daemon's memory: a restart signs everyone out, which is the safe side.
actor ConsoleSessions {
    private var sessions: [String: ConsoleSession] = [:]
    private let idle: TimeInterval

    init(idleMinutes: Int) {
        idle = TimeInterval(idleMinutes * 60)
    }

    func open(for userName: String, now: Date) -> ConsoleSession {
        expire(now: now)
        let session = ConsoleSession(token: Self.randomToken(), csrf: Self.randomToken(), userName: userName, lastSeen: now)
        sessions[session.token] = session
        return session
    }

    /// The live session for a cookie's token, its idle clock restarted; nil when unknown or expired.
    func session(token: String, now: Date) -> ConsoleSession? {
        guard var session = sessions[token] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) < idle else {
            sessions[token] = nil
            return nil
        }
        session.lastSeen = now
        sessions[token] = session
        return session
    }

    func close(token: String) {
        sessions[token] = nil
    }

    private func expire(now: Date) {
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) < idle }
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
