public import Foundation
import GRDB

/// Holds a SQLite store's write lock (`BEGIN IMMEDIATE` on a connection of its own) until
/// released: every other writer — the daemon, `relance import`, `tasks done`, which do not take
/// the run lock — waits for it and then fails with "database is locked", so nothing is written
/// that a reader of the whole book (`relance store copy`) would miss. Readers are not held
/// (WAL): the copy's own pages read on.
public final class SQLiteWriteHold: Sendable {
    private let queue: DatabaseQueue

    /// Takes the lock, waiting at most `busyTimeout` for a writer already at work.
    public init(at url: URL, busyTimeout: TimeInterval = 10) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        // The open transaction outlives this call on purpose: it is the hold.
        configuration.allowsUnsafeTransactions = true
        queue = try DatabaseQueue(path: url.path, configuration: configuration)
        do {
            try queue.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            try? queue.close()
            throw StoreError(.busy, "another program is writing \(url.path) and did not finish within \(Int(busyTimeout)) s: "
                             + "stop it (relance import, tasks done, a daemon not holding the run lock) and try again")
        }
    }

    /// Ends the hold (nothing was written under it).
    public func release() {
        try? queue.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        try? queue.close()
    }
}
