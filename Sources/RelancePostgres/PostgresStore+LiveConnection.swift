import PostgresNIO

extension PostgresStore {
    /// Runs `body` on a connection of the pool that is not closing, and gives a connection that
    /// the server cut back to the pool only once it is closed.
    ///
    /// Why: PostgresNIO 1.33.2 hands each query to its channel without a promise for the write
    /// (`PostgresConnection.query`). A query written after the channel's handlers were taken down
    /// — one event-loop turn after the server ended the session (a restart, `pg_terminate_backend`)
    /// — is dropped, and its `query` never returns. The pool learns that a connection closed only
    /// at that same turn, so a connection whose query had just failed with the cut, given back at
    /// once, could be handed to the next borrower before the pool knew: its first query waited
    /// forever (PostgresConnectionLossTests hung about one run in four, and with it the store
    /// suites run beside it). So a connection cut under `body` is given back once its close is
    /// complete, when the pool has dropped it; and a connection already closing when leased is not
    /// used: its close is awaited and another one leased.
    func withLiveConnection<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        for _ in 0..<Self.leaseAttempts {
            do {
                return try await client.withConnection { connection in
                    guard !connection.isClosed else {
                        await Self.closeAndWait(connection)
                        throw ClosingConnection()
                    }
                    do {
                        return try await body(connection)
                    } catch {
                        if connection.isClosed || PostgresOutage.isLostConnection(error) { await Self.closeAndWait(connection) }
                        throw error
                    }
                }
            } catch is ClosingConnection {
                continue
            }
        }
        throw PostgresStoreError(.connectionLost,
            "every connection the pool gave to the PostgreSQL server at \(outage.server) was closing; the work is tried again once it answers",
            context: ["server": outage.server])
    }

    /// How many connections to lease, each found closing, before the server is said to be lost.
    static let leaseAttempts = 5

    /// Closes `connection` (if it is not closed yet) and returns once its close is complete: the
    /// pool, told first, no longer hands it out.
    static func closeAndWait(_ connection: PostgresConnection) async {
        try? await connection.close()
        try? await connection.closeFuture.get()
    }

    /// The leased connection was closing: lease another.
    private struct ClosingConnection: Error {}
}
