import Dispatch
import GRDB
import GRDBSQLite
import Synchronization

/// Copies the store's write-ahead log back into the file on a connection and a thread of its
/// own, so that no write waits for it (issue #17).
///
/// SQLite's automatic checkpoint runs on the writer, inside the commit that finds the log past
/// 1,000 pages: that commit then waits while the pages are written into the file and both are
/// synced. Measured with `perf probe` on a run of benchmarks/smtp-send.sh: five such checkpoints
/// of 10–40 ms each, and every write queued behind them (the sender's record of its last batch
/// and claim of the next, the planner's next reminders) waited too while the connection sat idle.
///
/// Here the writer's commit only reads the log's size (SQLite's WAL hook, which replaces the
/// automatic checkpoint on that connection); past the same 1,000 pages a passive checkpoint is
/// run by `queue`, on a connection of its own, while the writer goes on (WAL mode allows one
/// checkpointer beside the writer and the readers). Durability is unchanged: a transaction is
/// durable once in the log, as before (`synchronous = NORMAL`); a checkpoint only moves pages.
/// Should the log still outgrow `inlineAfterPages` (writes too fast for the checkpointer to
/// catch up, so that SQLite never gets to start the log over), the writer checkpoints itself,
/// as SQLite would have.
final class WALCheckpointer: Sendable {
    /// SQLite's default automatic checkpoint threshold.
    static let pages: Int32 = 1_000
    static let inlineAfterPages: Int32 = 10_000

    private let path: String
    private let queue = DispatchQueue(label: "RelanceStore.WALCheckpointer")
    /// The checkpointer's connection, opened at the first checkpoint; touched only on `queue`.
    private let connection = Mutex<DatabaseQueue?>(nil)
    /// A checkpoint is asked for or running: further requests until it starts are one.
    private let requested = Atomic<Bool>(false)

    init(path: String) {
        self.path = path
    }

    /// Makes the writer's connection report its commits here instead of checkpointing itself.
    /// `self` must outlive the connection (the store keeps both).
    func install(on db: Database) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_wal_hook(db.sqliteConnection, { context, connection, _, pages in
            guard let context else { return SQLITE_OK }
            let checkpointer = Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
            if pages >= WALCheckpointer.inlineAfterPages {
                sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            } else if pages >= WALCheckpointer.pages {
                checkpointer.request()
            }
            return SQLITE_OK
        }, context)
    }

    private func request() {
        guard !requested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async { [self] in
            requested.store(false, ordering: .releasing)
            // A failed checkpoint (the file locked by a copy, say) is tried again at a later commit.
            try? checkpoint()
        }
    }

    /// Runs on `queue`.
    private func checkpoint() throws {
        let database = try connection.withLock { connection in
            if let connection { return connection }
            var configuration = Configuration()
            // A passive checkpoint never waits on a lock; this connection writes nothing else.
            configuration.busyMode = .immediateError
            let opened = try DatabaseQueue(path: path, configuration: configuration)
            connection = opened
            return opened
        }
        try database.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }
}
