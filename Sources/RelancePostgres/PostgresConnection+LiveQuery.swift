import Logging
import PostgresNIO
import RelanceCore

extension PostgresConnection {
    /// `query`, except that a query this connection will never answer fails as a lost connection
    /// instead of waiting forever. Every statement of the store goes through here.
    ///
    /// Why: PostgresNIO 1.33.2 writes a query to its channel without a promise for the write. On
    /// a connection already closed, or one closing as the query is written (a server restart, a
    /// terminated session), the write is dropped and `query` never returns — a daemon's sender
    /// was seen stuck for good after a 15 s outage, and a lone daemon then sent nothing more. A
    /// query the connection took before it closed fails by itself when it closes; so one still
    /// waiting once the connection has been seen closed twice, a second apart, was dropped.
    @discardableResult
    func liveQuery(_ query: PostgresQuery, logger: Logger, file: String = #fileID, line: Int = #line) async throws -> PostgresRowSequence {
        if isClosed { throw UnansweredQuery() }
        return try await Self.unanswered.value(
            of: { try await self.query(query, logger: logger, file: file, line: line) },
            abandonedWhen: { self.isClosed }, error: { UnansweredQuery() })
    }

    /// Every query waiting for its answer, looked at each second: whether its connection closed.
    static let unanswered = Abandonable(checkEvery: .seconds(1), polls: 2)
}

/// A query written to a connection that closed: the server never saw it. An outage, like any
/// lost connection (`PostgresOutage.isLostConnection`): the work is tried again.
struct UnansweredQuery: Error, CustomStringConvertible {
    var description: String { "the connection closed before the query was sent" }
}
