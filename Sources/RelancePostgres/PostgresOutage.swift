import Foundation
import Logging
import PostgresNIO
public import RelanceCore
import Synchronization

extension PostgresStoreError.Code {
    /// The server stopped answering during the run (restarted, shut down, the network cut): the
    /// work is tried again once it answers; PostgresNIO's pool reconnects by itself.
    public static let connectionLost = PostgresStoreError.Code(rawValue: "connection-lost")
}

extension PostgresStoreError: StoreOutage {
    public var isStoreOutage: Bool { code == .connectionLost }
}

/// Whether the PostgreSQL server answers, as this daemon last saw it, and what the log says of it.
///
/// While the server is down, PostgresNIO's pool retries connecting by itself and queries wait for
/// a connection (about a minute, then they fail): nothing would be logged at the daemon's level,
/// and a query cut in the middle fails with a `PSQLError` whose description is deliberately blank.
/// So: one error when connecting fails (the server's address and why), again each minute while it
/// lasts, one notice when the server answers again; and a query cut by the outage fails with a
/// `PostgresStoreError` (`connectionLost`) that names the server — the services then try again
/// within seconds (`StoreOutage`).
final class PostgresOutage: Sendable {
    /// `host:port`, as the operator wrote it in `[store] url`.
    let server: String
    private let logger: Logger
    private struct State {
        var since: ContinuousClock.Instant?
        var lastSaid: ContinuousClock.Instant?
    }
    private let state = Mutex(State())
    static let repeatEvery: Duration = .seconds(60)

    init(server: String, logger: Logger) {
        self.server = server
        self.logger = logger
    }

    /// Runs one use of the pool: a cut connection becomes a `connectionLost` error that names the
    /// server; a success after an outage says that the server answers again.
    func watching<Result>(_ body: () async throws -> Result) async throws -> Result {
        let result: Result
        do {
            result = try await body()
        } catch {
            guard Self.isLostConnection(error) else { throw error }
            state.withLock { $0.since = $0.since ?? .now }
            throw PostgresStoreError(.connectionLost,
                "lost the connection to the PostgreSQL server at \(server) (\(Self.cause(of: error))); the work is tried again once it answers",
                context: ["server": server])
        }
        answered()
        return result
    }

    /// The pool failed to open a connection (`PoolLogHandler` hears it).
    func connectionFailed(_ cause: String) {
        let now = ContinuousClock.now
        let said: (first: Bool, since: ContinuousClock.Instant)? = state.withLock { state in
            if let last = state.lastSaid, last.duration(to: now) < Self.repeatEvery { return nil }
            let first = state.lastSaid == nil
            let since = state.since ?? now
            state.since = since
            state.lastSaid = now
            return (first, since)
        }
        guard let said else { return }
        logger.error(said.first ? "cannot reach the PostgreSQL server: the work waits and goes on when it answers again"
                                : "still cannot reach the PostgreSQL server: the work waits",
                     metadata: ["server": "\(server)", "cause": "\(cause)",
                                "for_seconds": "\(said.since.duration(to: now).components.seconds)"])
    }

    private func answered() {
        guard let since = state.withLock({ state -> ContinuousClock.Instant? in
            defer { state = State() }
            return state.since
        }) else { return }
        logger.notice("the PostgreSQL server answers again", metadata: [
            "server": "\(server)", "after_seconds": "\(Int(since.duration(to: .now).components.seconds))"])
    }

    /// A connection closed or refused (or closed under a query it then never sent), the server shutting down or refusing new sessions for the
    /// moment, or the pool giving up after a minute of failed attempts — not an error of the query.
    static func isLostConnection(_ error: any Error) -> Bool {
        if error is UnansweredQuery { return true }
        if let error = error as? PSQLError {
            switch error.code {
            case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
                return true
            case .server:
                // 08: connection exception; 57P01–57P03: shutdown by the administrator, a crash,
                // the server starting or stopping.
                let sqlState = error.serverInfo?[.sqlState] ?? ""
                return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
            default:
                return false
            }
        }
        // The pool's circuit breaker (its type lives in PostgresNIO's underscored pool module).
        return "\(type(of: error))" == "ConnectionPoolError" && String(reflecting: error).contains("CircuitBreaker")
    }

    /// What PostgresNIO says of a lost connection, in a line (its `description` is blank on purpose).
    static func cause(of error: any Error) -> String {
        if let error = error as? UnansweredQuery { return error.description }
        guard let error = error as? PSQLError else {
            return String(reflecting: error).contains("CircuitBreaker") ? "no connection could be made for a minute" : "\(error)"
        }
        if let message = error.serverInfo?[.message] {
            return "the server said: \(message) (SQLSTATE \(error.serverInfo?[.sqlState] ?? "?"))"
        }
        let underlying = error.underlying.map { String(reflecting: $0) } ?? ""
        return "\(error.code)" + (underlying.isEmpty ? "" : ": \(underlying.prefix(300))")
    }
}
