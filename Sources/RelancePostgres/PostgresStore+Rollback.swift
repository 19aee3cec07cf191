import Logging
import PostgresNIO
import RelanceCore

extension PostgresStore {
    /// Ends the open transaction of a failed body, so that the connection goes back to the pool
    /// outside any transaction — or closed, when that cannot be confirmed.
    ///
    /// Why each part:
    /// - The ROLLBACK runs in a task of its own, which the work's cancellation (a lease lost, a
    ///   daemon stopping) does not reach: a connection given back inside the cancelled work's
    ///   transaction would run the next borrower's statements in it — and commit them together
    ///   with the cancelled work, or wait on its locks for good.
    /// - Whichever comes first, the ROLLBACK's answer or the connection's close: a ROLLBACK written
    ///   to a connection the server has just cut is dropped by PostgresNIO 1.33.2 and never answers
    ///   (see `withLiveConnection`); the server rolled the transaction back when the session
    ///   ended. That task ends by itself a second or two later (`liveQuery`).
    /// - A ROLLBACK that failed, or a connection that closed first: the connection is closed and
    ///   its close awaited, so the pool never lends it again.
    static func rollBack(_ connection: PostgresConnection, logger: Logger) async {
        let rollback = Task { try await connection.liveQuery("ROLLBACK;", logger: logger) }
        let first = FirstAnswer<Bool>()
        let rolledBack = await first.wait {
            Task { first.answer((try? await rollback.value) != nil) }
            connection.closeFuture.whenComplete { _ in first.answer(false) }
        }
        if !rolledBack {
            logger.debug("ROLLBACK not confirmed: the connection is closed instead", metadata: ["connection": "\(connection.id)"])
            await closeAndWait(connection)
        }
    }
}
