import Logging

/// The logger PostgresNIO's pool writes to: the daemon's own, plus an ear for the pool's
/// "Connection creation failed" (at info, below the daemon's usual level), which it passes to
/// `PostgresOutage` so that an unreachable server is said at the daemon's level, once a minute.
struct PoolLogHandler: LogHandler {
    var wrapped: any LogHandler
    let outage: PostgresOutage

    /// PostgresNIO's message and metadata key for a failed connection attempt
    /// (`PostgresClientMetrics.connectFailed`).
    static let connectFailedMessage = "Connection creation failed"
    static let errorKey = "psql_error"

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    /// Info at least, to hear the failed attempts; what the daemon's level hides stays hidden.
    var logLevel: Logger.Level {
        get { min(wrapped.logLevel, .info) }
        set { wrapped.logLevel = newValue }
    }

    func log(event: LogEvent) {
        if event.level == .info, event.message.description == Self.connectFailedMessage {
            outage.connectionFailed(event.metadata?[Self.errorKey].map { "\($0)".prefix(400).description } ?? "no detail")
        }
        if event.level >= wrapped.logLevel { wrapped.log(event: event) }
    }
}

extension Logger {
    /// This logger, with the pool's failed connection attempts told to `outage`.
    func hearingPoolFailures(for outage: PostgresOutage) -> Logger {
        let handler = PoolLogHandler(wrapped: self.handler, outage: outage)
        return Logger(label: label) { _ in handler }
    }
}
